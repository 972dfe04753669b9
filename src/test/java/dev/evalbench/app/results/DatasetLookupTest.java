package dev.evalbench.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.workspace.CountedCases;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The FX thread makes a lookup as a results or comparison tab opens: making it reads no case (a large dataset's
 * cases are parsed as they are read), and the first question, asked by a task, reads them.
 */
class DatasetLookupTest {
    @Test
    void makingALookupReadsNoCaseAndTheFirstQuestionReadsThem() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        Workspace ws = CountedCases.ofSample(reads);
        SuiteSpec triage = ws.suite("triage");
        String firstId = triage.cases().get(0).id();
        reads.set(0);

        DatasetLookup lookup = new DatasetLookup(ws);
        assertThat(reads).as("made as a tab opens, on the FX thread").hasValue(0);

        CaseKey first = new CaseKey("triage", firstId, triage.promptId(), "offline", 0);
        assertThat(lookup.vars(first)).isNotNull();
        assertThat(lookup.place(first)).isZero();
        assertThat(lookup.tags(new CaseKey("triage", "no-such-case", triage.promptId(), "offline", 0))).isEmpty();
        assertThat(reads.get()).as("read once a question is asked").isPositive();
    }
}
