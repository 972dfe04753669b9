package dev.evalbench.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What Enter and Shift+Tab do to a prompt file's indentation. */
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
    void shiftTabTakesBackUpToOneLevelOfSpaces() {
        assertThat(YamlIndent.outdent("    x")).isEqualTo(2);
        assertThat(YamlIndent.outdent(" x")).isEqualTo(1);
        assertThat(YamlIndent.outdent("x")).isZero();
    }
}
