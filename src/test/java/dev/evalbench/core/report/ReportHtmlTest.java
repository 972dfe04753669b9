package dev.evalbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html must be safe to open from an untrusted run and need nothing outside the file. */
class ReportHtmlTest {
    @TempDir Path dir;

    private String html() throws Exception {
        return Files.readString(ReportWriter.write(ReportFixture.withBaseline(), dir).html());
    }

    /** report.html of the fixture's run alone, with {@code gate} as its one gate. */
    private String htmlWithGate(dev.evalbench.core.gate.GateVerdict gate) throws Exception {
        var alone = ReportFixture.alone();
        var content = new dev.evalbench.core.report.model.ReportContent(alone.run(),
                new dev.evalbench.core.gate.GateReport(alone.run().id(), null, java.util.List.of(gate)),
                alone.baseline(), alone.comparison(), alone.generator());
        return Files.readString(ReportWriter.write(content, dir).html());
    }

    @Test
    void aModelOutputWithAScriptTagIsShownEscapedAndThePageHasNoScriptAtAll() throws Exception {
        String html = html();

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html.toLowerCase()).doesNotContain("<script");
        assertThat(html.toLowerCase()).doesNotContain("javascript:").doesNotContain(" onload=").doesNotContain(" onclick=");
    }

    @Test
    void referencesNoResourceOutsideTheFile() throws Exception {
        String html = html();

        assertThat(html).doesNotContain("http://").doesNotContain("https://");
        assertThat(html).doesNotContainPattern("(?i)<link|<img|<iframe|@import|url\\(");
        assertThat(html).containsPattern("(?i)href=\"#gates\"");
        assertThat(html).contains("Content-Security-Policy").contains("default-src &#39;none&#39;");
    }

    @Test
    void showsTheGatesTableWithValuesThresholdsIntervalsAndPValues() throws Exception {
        String html = html();

        assertThat(html).contains("<section id=\"gates\">").contains("<table class=\"gates\">");
        assertThat(html).contains("category-accuracy").contains("Accuracy 0.667 is below the target 0.900.");
        assertThat(html).contains("95% interval").contains("p-value").contains("≥ 0.900").contains("1.0000");
        assertThat(html).contains("<span class=\"badge fail\">FAIL</span>");
    }

    /**
     * A narrow window (a phone, a PR page's side panel) scrolls a wide table sideways inside its block, not the page:
     * at 800 pixels the gates table pushed the whole page sideways and cut every gate's sentence at the right edge.
     * Every table but the side-by-side diffs (fixed layout, wrapped lines) sits in such a block.
     */
    @Test
    void everyWideTableScrollsSidewaysInItsOwnBlock() throws Exception {
        String html = html();

        java.util.regex.Matcher tables = java.util.regex.Pattern.compile("(.{0,19})<table(?: class=\"([a-z]+)\")?>").matcher(html);
        int wide = 0;
        while (tables.find()) {
            if ("diff".equals(tables.group(2))) continue;
            assertThat(tables.group(1)).as("the block around table %s", tables.group(2)).endsWith("<div class=\"wide\">");
            wide++;
        }
        assertThat(wide).as("gates, judges, what changed and the cases").isGreaterThanOrEqualTo(3);
        assertThat(html).contains(".wide{overflow-x:auto").contains("minmax(min(480px,100%),1fr)")
                .as("a narrow window stacks each failing case").contains("table.cases thead{display:none}");
    }

    @Test
    void drawsChartsAsInlineSvgAndShowsTheFlippedCaseSideBySide() throws Exception {
        String html = html();

        assertThat(html).contains("<svg class=\"chart\"").contains("Latency distribution").contains("Pass rate per suite");
        assertThat(html).contains("<table class=\"diff\">").contains("triage/t002");
        assertThat(html).contains("<del>shipping</del>").contains("<ins>billing</ins>");
    }

    @Test
    void aGateOfASuiteTheRunLeftOutIsANeutralNotRunNotAGreenBadge() throws Exception {
        var notRun = new dev.evalbench.core.gate.GateVerdict("category-accuracy", "metric", "triage", true, Double.NaN,
                0.9, ">=", null, null, null, null, "strict", "Suite triage was not run.", false);
        String html = htmlWithGate(notRun);

        assertThat(html).contains("<span class=\"badge neutral\">not run</span>")
                .doesNotContain("<span class=\"badge pass\">not run</span>");
    }

    /**
     * A threshold found from the baseline says how under its bound, on a line of its own that may wrap: on the
     * bound's line it made the sample's gates table wider than a 1,300-pixel window, and the p-values were cut off.
     */
    @Test
    void aThresholdFromTheBaselineShowsHowItWasFoundUnderTheBound() throws Exception {
        var tolerant = new dev.evalbench.core.gate.GateVerdict("action-vs-baseline", "metric", "triage", true, 0.921,
                0.901, ">=", 0.921, 0.0, 0.0, 1.0, "significant", "routing.accuracy is 0.921.", true,
                "min 0.850; baseline 0.921 − 0.020");
        String html = htmlWithGate(tolerant);

        assertThat(html).contains("<td class=\"num\">≥ 0.901<span class=\"bound\">(min 0.850; baseline 0.921\u00a0−\u00a00.020)</span></td>")
                .contains("td.num .bound{display:block;white-space:normal");
        assertThat(dev.evalbench.core.gate.ci.VerdictFormat.threshold(tolerant)).as("the terminal's one line, as before")
                .isEqualTo("≥ 0.901 (min 0.850; baseline 0.921 − 0.020)");
    }

    @Test
    void aReportWithoutBaselineHasNoComparisonSection() throws Exception {
        String html = Files.readString(ReportWriter.write(ReportFixture.alone(), dir).html());

        assertThat(html).doesNotContain("id=\"changes\"").contains("id=\"failing\"").contains("&lt;script&gt;")
                .doesNotContain("id=\"rollback\"").doesNotContain("href=\"#rollback\"");
    }

    /** A baseline whose cases recorded no versions names no rollback target: the head links to no missing section. */
    @Test
    void aBaselineWithoutARollbackTargetGetsNoLinkToOne() throws Exception {
        String html = dev.evalbench.core.report.html.ReportHtml.render(ReportFixture.withBaseline(), "0".repeat(64), java.util.List.of(), null);

        assertThat(html).contains("href=\"#changes\"").doesNotContain("href=\"#rollback\"").doesNotContain("id=\"rollback\"");
    }

    /** The page names what report.md names: the baseline to roll back to, how, and its files (it had none of it). */
    @Test
    void aReportWithABaselineNamesTheRollbackTargetAsTheMarkdownDoes() throws Exception {
        ReportFiles written = ReportWriter.write(ReportFixture.withBaseline(), dir);
        String html = Files.readString(written.html());
        var target = ReportJson.rollbackTarget(ReportFixture.withBaseline());

        assertThat(html).contains("<a href=\"#rollback\">Rollback target</a>").contains("<section id=\"rollback\"><h2>Rollback target</h2>")
                .contains("Baseline run <code>" + target.runId() + "</code>")
                .contains("Restore: no git commit was recorded")
                .contains("<code>prompts/triage.yaml</code>").contains(target.files().get("prompts/triage.yaml"))
                .doesNotContain("<code>datasets/");
        assertThat(Files.readString(written.markdown())).contains("### Rollback target").contains("Restore: no git commit was recorded");
    }
}
