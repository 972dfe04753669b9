package dev.evalbench.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What Enter and Shift+Tab do to a prompt file's indentation, and Enter to a configuration file's. */
class YamlIndentTest {
    @Test
    void enterKeepsTheLinesIndentation() {
        assertThat(YamlIndent.newLine("  {{ text }}")).isEqualTo("\n  ");
        assertThat(YamlIndent.newLine("    - {{ item }}")).isEqualTo("\n    ");
        assertThat(YamlIndent.newLine("id: triage")).isEqualTo("\n");
        assertThat(YamlIndent.newLine("")).isEqualTo("\n");
        // Template text ending in a colon is the block's text and opens nothing.
        assertThat(YamlIndent.newLine("  The customer wrote:")).isEqualTo("\n  ");
    }

    @Test
    void enterAfterALineOpeningABlockIndentsOneLevelMore() {
        assertThat(YamlIndent.newLine("body: |")).isEqualTo("\n  ");
        assertThat(YamlIndent.newLine("system: >-")).isEqualTo("\n  ");
        assertThat(YamlIndent.newLine("body: |2 ")).isEqualTo("\n  ");
        assertThat(YamlIndent.newLine("# body: |")).isEqualTo("\n");
    }

    @Test
    void inAConfigurationFileAKeyWithNoValueOpensALevel() {
        assertThat(YamlIndent.newLine("limits:", true)).isEqualTo("\n  ");
        assertThat(YamlIndent.newLine("  - name: refund-needs-order", true)).as("a key with a value").isEqualTo("\n  ");
        assertThat(YamlIndent.newLine("rules:   # in CEL", true)).isEqualTo("\n  ");
        assertThat(YamlIndent.newLine("  restricted_patterns:", true)).isEqualTo("\n    ");
        assertThat(YamlIndent.newLine("# limits:", true)).as("a comment").isEqualTo("\n");
        assertThat(YamlIndent.newLine("  reason: 'a refund:'", true)).as("a quoted colon").isEqualTo("\n  ");
        // A prompt's template text ending in a colon opens nothing there (above); the configuration's keys do.
        assertThat(YamlIndent.newLine("limits:")).isEqualTo("\n");
    }

    @Test
    void shiftTabTakesBackUpToOneLevelOfSpaces() {
        assertThat(YamlIndent.outdent("    x")).isEqualTo(2);
        assertThat(YamlIndent.outdent(" x")).isEqualTo(1);
        assertThat(YamlIndent.outdent("x")).isZero();
    }

    /** The sample's system block has an empty line between indented paragraphs; a click there lands at the margin. */
    @Test
    void textTypedOnAnEmptyLineInsideABlockTakesTheBlocksIndentation() {
        java.util.List<String> lines = java.util.List.of("system: |", "  You are the assistant.", "", "  The object has:",
                "    billing: charges", "", "  bug: errors", "", "user: |", "  {{ ticket }}", "");
        assertThat(YamlIndent.onEmptyLine(lines, 2)).isEqualTo("  ");
        assertThat(YamlIndent.onEmptyLine(lines, 5)).as("the shallower of the lines around").isEqualTo("  ");
        assertThat(YamlIndent.onEmptyLine(lines, 7)).as("before a key at the margin: a new key may be typed").isEmpty();
        assertThat(YamlIndent.onEmptyLine(lines, 10)).as("after the last line").isEmpty();
        assertThat(YamlIndent.onEmptyLine(lines, 1)).as("a line with text").isEmpty();
    }
}
