package dev.evalbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.compare.ComparisonBuilder;
import dev.evalbench.core.compare.RecordEdits;
import dev.evalbench.core.compare.RunComparison;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.report.model.ReportContent;
import dev.evalbench.core.run.CaseRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case that regressed while the model wrote the same output in both runs (the dataset's expected value changed,
 * as when an author relabels a ticket): report.md said "Now failing" over an empty diff block, report.html showed
 * a table of equal lines and the terminal nothing, with nothing to say why. Each now says the output did not change,
 * what it is held to did.
 */
class SameOutputFlipTest {
    @TempDir Path dir;

    /** t001's expected value in the second run: its category relabelled from billing. */
    private static final String RELABELLED = "{\"category\":\"shipping\",\"priority\":\"high\",\"action\":\"refund\","
            + "\"order_id\":\"ORD-10421\"}";
    /** What every view says of t001. */
    private static final String SAID = "Both runs wrote the same output; what the case expects changed: "
            + "category \"billing\" → \"shipping\".";

    private static ReportContent relabelled() throws Exception {
        CaseRecord before = CaseRecords.sample("run-base", "triage", "t001", true, 300);
        CaseRecord after = RecordEdits.withExpected(RecordEdits.withOutput(
                CaseRecords.sample("run-new", "triage", "t001", false, 300), before.rawOutput()), RELABELLED);
        CaseRecord otherBefore = CaseRecords.sample("run-base", "triage", "t002", true, 300);
        CaseRecord otherAfter = RecordEdits.withOutput(CaseRecords.sample("run-new", "triage", "t002", false, 300),
                "{\"category\":\"shipping\"}");
        StoredRun base = ReportFixture.run("run-base", List.of(before, otherBefore));
        StoredRun run = ReportFixture.run("run-new", List.of(after, otherAfter));
        RunComparison comparison = new ComparisonBuilder(base, run)
                .gates(ReportFixture.gates(base, null), ReportFixture.gates(run, base)).build();
        assertThat(comparison.flips()).hasSize(2);
        return new ReportContent(ReportCases.of(run), ReportFixture.gates(run, base), base, comparison, "evalbench test");
    }

    @Test
    void theTerminalSaysItUnderTheFlippedCase() throws Exception {
        String text = dev.evalbench.core.compare.CompareText.render(relabelled().comparison(), 20, null);

        assertThat(text).contains("FAIL triage/t001  (pass → fail)  category: expected billing, got shipping\n      "
                + SAID + "\n");
        assertThat(text.substring(text.indexOf("triage/t002"))).doesNotContain("Both runs wrote the same output");
    }

    @Test
    void theMarkdownSaysTheOutputIsTheSameInsteadOfAnEmptyDiff() throws Exception {
        String md = ReportMarkdown.render(relabelled(), "ab".repeat(32));

        String t001 = md.substring(md.indexOf("triage/t001"), md.indexOf("triage/t002"));
        assertThat(t001).contains("Now failing: category: expected billing, got shipping")
                .contains(dev.evalbench.core.compare.MarkdownText.inline(SAID)).doesNotContain("```diff");
        // A case whose output did change still shows its diff, and not the sentence.
        String t002 = md.substring(md.indexOf("triage/t002"));
        assertThat(t002).contains("```diff").doesNotContain("Both runs wrote the same output");
    }

    @Test
    void theHtmlSaysItAboveTheTwoEqualOutputs() throws Exception {
        String html = Files.readString(ReportWriter.write(relabelled(), dir).html());

        String t001 = html.substring(html.indexOf("<code>triage/t001</code>"), html.indexOf("<code>triage/t002</code>"));
        assertThat(t001).contains("Now failing: category: expected billing, got shipping")
                .contains(SAID.replace("\"", "&quot;"));
        assertThat(html.substring(html.indexOf("<code>triage/t002</code>"))).doesNotContain("Both runs wrote the same output");
    }
}
