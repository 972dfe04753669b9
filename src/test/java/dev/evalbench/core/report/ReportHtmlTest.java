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

    @Test
    void drawsChartsAsInlineSvgAndShowsTheFlippedCaseSideBySide() throws Exception {
        String html = html();

        assertThat(html).contains("<svg class=\"chart\"").contains("Latency distribution").contains("Pass rate per suite");
        assertThat(html).contains("<table class=\"diff\">").contains("triage/t002");
        assertThat(html).contains("<del>shipping</del>").contains("<ins>billing</ins>");
    }

    @Test
    void aGateOfASuiteTheRunLeftOutIsANeutralNotRunNotAGreenBadge() throws Exception {
        var alone = ReportFixture.alone();
        var notRun = new dev.evalbench.core.gate.GateVerdict("category-accuracy", "metric", "triage", true, Double.NaN,
                0.9, ">=", null, null, null, null, "strict", "Suite triage was not run.", false);
        var content = new dev.evalbench.core.report.model.ReportContent(alone.run(),
                new dev.evalbench.core.gate.GateReport(alone.run().id(), null, java.util.List.of(notRun)),
                alone.baseline(), alone.comparison(), alone.generator());

        String html = Files.readString(ReportWriter.write(content, dir).html());

        assertThat(html).contains("<span class=\"badge neutral\">not run</span>")
                .doesNotContain("<span class=\"badge pass\">not run</span>");
    }

    @Test
    void aReportWithoutBaselineHasNoComparisonSection() throws Exception {
        String html = Files.readString(ReportWriter.write(ReportFixture.alone(), dir).html());

        assertThat(html).doesNotContain("id=\"changes\"").contains("id=\"failing\"").contains("&lt;script&gt;");
    }
}
