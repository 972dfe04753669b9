package dev.evalbench.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.SampleHistory;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunHeader;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detail pane's input variables over a real history of the sample: a dataset's case, an imported request. */
class DetailMaskingTest {
    @TempDir Path temp;
    private SampleHistory sample;

    @BeforeEach
    void open() throws Exception {
        sample = SampleHistory.in(temp);
    }

    @AfterEach
    void close() throws Exception {
        sample.close();
    }

    /**
     * An imported request is no case of the dataset: its variables said "not in the open dataset" though the capture
     * the history keeps has them. They are the captured ones, masked as the run's outputs are.
     */
    @Test
    void anImportedRequestShowsTheVariablesItWasCapturedWithMasked() throws Exception {
        RunHeader traffic = sample.importTraffic("control.jsonl");
        CaseRecord request = sample.store.caseRecord(traffic.id(), new CaseKey("traffic", "ctl-000001", "triage", "offline", 0)).orElseThrow();

        DetailMasking.Prepared shown = masking(traffic).prepare(request, sample.ws);

        assertThat(shown.vars().path("ticket").asText()).startsWith("cancelled my order but still got charged.");
        assertThat(shown.vars().path("customer").path("email").asText()).isEqualTo("jake.morrison@example.org");
        assertThat(shown.maskedVars().toString()).contains("cancelled my order").doesNotContain("jake.morrison@example.org")
                .doesNotContain("5555 5555 5555 4444");
    }

    @Test
    void aDatasetCaseShowsItsDatasetVariables() throws Exception {
        RunHeader run = sample.run();
        CaseRecord t001 = sample.store.cases(run.id()).stream().filter(c -> c.key().caseId().equals("t001")).findFirst().orElseThrow();

        DetailMasking.Prepared shown = masking(run).prepare(t001, sample.ws);

        assertThat(shown.vars().path("ticket").asText()).startsWith("Your app crashes every time");
        assertThat(shown.maskedVars().toString()).doesNotContain("hiroshi.sato@example.com");
    }

    private DetailMasking masking(RunHeader run) {
        return new DetailMasking(sample.ws, new DatasetLookup(sample.ws), new CapturedVars(() -> sample.store, run.id()));
    }
}
