package dev.evalbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** report.md is a pull-request comment: the verdict and the gates first, then what changed and the top flips. */
class ReportMarkdownTest {
    @Test
    void putsTheVerdictAndGatesBeforeWhatChangedAndTheFlips() throws Exception {
        String md = ReportMarkdown.render(ReportFixture.withBaseline(), "ab".repeat(32));

        assertThat(md).startsWith("## ❌ Evalbench report: 1 of 3 gates failed");
        int gates = md.indexOf("| ❌ | category-accuracy (triage) |");
        int changed = md.indexOf("**What changed:**");
        int flips = md.indexOf("### Flipped cases");
        int firstFlip = md.indexOf("triage/t002");
        assertThat(gates).isPositive().isLessThan(changed);
        assertThat(changed).isLessThan(flips);
        assertThat(flips).isLessThan(firstFlip);
        assertThat(md).contains("- **category-accuracy**: Accuracy 0.667 is below the target 0.900.");
        assertThat(md).contains("report.json sha256 `" + "ab".repeat(32) + "`");
        assertThat(md.length()).isLessThan(ReportMarkdown.MAX_CHARS);
    }

    @Test
    void aModelOutputCannotInjectHtmlOrMentionAnyone() throws Exception {
        String md = ReportMarkdown.render(ReportFixture.withBaseline(), "ab".repeat(32));

        // outputs appear only inside fenced diff blocks, where GitHub renders nothing
        String outsideFences = md.replaceAll("(?s)```diff.*?```", "");
        assertThat(outsideFences).doesNotContain("<script");
        assertThat(md).contains("+   \"reply\": \"<script>alert(1)</script> Sorry, Ana.\"");
    }
}
