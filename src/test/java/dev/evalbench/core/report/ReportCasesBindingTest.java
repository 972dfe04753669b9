package dev.evalbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Digests;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.report.model.ReportContent;
import dev.evalbench.core.store.RunExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.json carries what a reviewer reads and binds every full record, by digest, in a file beside it. */
class ReportCasesBindingTest {
    @TempDir Path dir;

    @Test
    void reportJsonHoldsOnlyFailingRecordsAndBindsTheRestByDigest() throws Exception {
        ReportContent content = ReportFixture.withBaseline();
        ReportFiles files = ReportWriter.write(content, dir);

        JsonNode json = Json.MAPPER.readTree(files.json().toFile());
        long failing = ReportFixture.run().cases().stream().filter(r -> !r.passed()).count();
        assertThat(failing).as("the fixture has failing cases").isPositive();
        assertThat(json.path("run").path("cases")).hasSize((int) failing);
        json.path("run").path("cases").forEach(c -> assertThat(c.path("evaluation").path("passed").asBoolean()).isFalse());
        Path cases = dir.resolve(ReportCases.FILE);
        assertThat(json.path("run_cases").path("sha256").asText()).isEqualTo(Digests.sha256(Files.readAllBytes(cases)));
        assertThat(json.path("run_cases").path("count").asInt()).isEqualTo(ReportFixture.run().cases().size());
        assertThat(RunExport.read(files.json()).cases()).isEqualTo(ReportFixture.run().cases());
    }

    @Test
    void theSameRunGivesTheSameCasesFile() throws Exception {
        assertThat(ReportFixture.withBaseline().run().casesFile())
                .isEqualTo(ReportFixture.withBaseline().run().casesFile());
    }

    @Test
    void aReplacedOrMissingCasesFileIsRefusedNotReadAsAPartialRun() throws Exception {
        ReportContent content = ReportFixture.withBaseline();
        ReportFiles files = ReportWriter.write(content, dir);
        Path cases = dir.resolve(ReportCases.FILE);
        CaseRecord first = ReportFixture.run().cases().get(0);
        Files.write(cases, ReportCases.bytes(new dev.evalbench.core.record.StoredRun(content.run().header(),
                java.util.List.of(first), content.run().events())));

        assertThatThrownBy(() -> RunExport.read(files.json())).isInstanceOf(IOException.class)
                .hasMessageContaining("differs from the one report.json binds");

        Files.delete(cases);
        assertThatThrownBy(() -> RunExport.read(files.json())).isInstanceOf(IOException.class)
                .hasMessageContaining("keeps its case records in " + ReportCases.FILE);
    }

    /**
     * A model that ran on (120,000 characters): report.json and report.html show its start and its length, not
     * the whole answer twice over; the bound records hold it whole, and a report read back as a baseline has it.
     */
    @Test
    void aLongAnswerIsClippedInWhatAReviewerReadsAndWholeInTheBoundRecords() throws Exception {
        String reply = "ha ".repeat(40_000).strip();
        String output = "{\"action\":\"reply\",\"category\":\"billing\",\"priority\":\"low\",\"reply\":\"" + reply + "\"}";
        CaseRecord longCase = dev.evalbench.core.compare.RecordEdits.withOutput(
                dev.evalbench.core.run.CaseRecords.sample("run-new", "triage", "t009", false, 300), output);
        dev.evalbench.core.record.StoredRun run = ReportFixture.run("run-new", java.util.List.of(longCase));
        ReportFiles files = ReportWriter.write(new ReportContent(ReportCases.of(run), ReportFixture.gates(run, null), null,
                null, "evalbench test"), dir);

        JsonNode shown = Json.MAPPER.readTree(files.json().toFile()).path("run").path("cases").get(0);
        String note = " … [clipped: %,d characters in all; the whole record is in " + ReportCases.FILE + "]";
        assertThat(shown.path("raw_output").asText()).isEqualTo(output.substring(0, dev.evalbench.core.report.model.ClippedText.SHOWN)
                + String.format(java.util.Locale.ROOT, note, output.length()));
        assertThat(shown.path("parsed").path("reply").asText()).isEqualTo(reply.substring(0, dev.evalbench.core.report.model.ClippedText.SHOWN)
                + String.format(java.util.Locale.ROOT, note, reply.length()));
        assertThat(shown.path("parsed").path("category").asText()).isEqualTo("billing");
        assertThat(Files.size(files.json())).isLessThan(60_000);
        assertThat(Files.readString(files.html())).contains("characters in all; the whole record is in").doesNotContain(reply);
        assertThat(RunExport.read(files.json()).cases()).singleElement().satisfies(r -> assertThat(r.rawOutput()).isEqualTo(output));
    }
}
