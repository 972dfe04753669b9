package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Saving and rolling back edit the prompt file's text: comments and layout stay, history only grows. */
class PromptRevisionsTest {
    private static final String FILE = "prompts/triage.yaml";
    private static final String TEXT = """
            # Triage prompt: owned by the support team
            id: triage
            revision: 4   # bumped on every save
            changelog: "Take order ids from the ticket text only"
            system: |
              You are the triage assistant.

              Answer in JSON.
            # Lines end in text, not in a tag
            body: |
              New ticket via {{ channel }}.
              "{{ ticket }}"
            """;

    @Test
    void nextRevisionBumpsTheNumberAndSetsTheChangelogAndNothingElse() throws Exception {
        String saved = PromptRevisions.nextRevision(FILE, TEXT, "Ask for the \"order id\" first");
        assertThat(saved).isEqualTo(TEXT
                .replace("revision: 4   #", "revision: 5   #")
                .replace("\"Take order ids from the ticket text only\"", "\"Ask for the \\\"order id\\\" first\""));
        assertThat(PromptParts.parse(FILE, saved).changelog()).isEqualTo("Ask for the \"order id\" first");
        assertThat(PromptParts.parse(FILE, saved).revision()).isEqualTo(5);
    }

    @Test
    void aFileWithoutAChangelogGetsOneUnderTheRevision() throws Exception {
        String saved = PromptRevisions.nextRevision(FILE, "id: t\nrevision: 1\nbody: hi\n", "First");
        assertThat(saved).isEqualTo("id: t\nrevision: 2\nchangelog: \"First\"\nbody: hi\n");
    }

    @Test
    void aBlankChangelogIsRefusedAndABadRevisionIsPlaced() {
        assertThatThrownBy(() -> PromptRevisions.nextRevision(FILE, TEXT, "  "))
                .hasMessageContaining("a changelog line is required");
        assertThatThrownBy(() -> PromptRevisions.nextRevision(FILE, "id: t\nrevision: four\nbody: x\n", "x"))
                .isInstanceOfSatisfying(PromptFileException.class, e -> {
                    assertThat(e.error().line()).isEqualTo(2);
                    assertThat(e.error().message()).contains("whole number");
                });
    }

    @Test
    void rollbackWritesANewRevisionWithTheOldPartsAndKeepsTheComments() throws Exception {
        String rolled = PromptRevisions.rollback(FILE, TEXT, "Old system.\n", "Old body {{ ticket }}\n  indented\n", 2);
        PromptParts parts = PromptParts.parse(FILE, rolled);
        assertThat(parts.revision()).isEqualTo(5);
        assertThat(parts.changelog()).isEqualTo("Roll back to revision 2");
        assertThat(parts.system()).isEqualTo("Old system.\n");
        assertThat(parts.body()).isEqualTo("Old body {{ ticket }}\n  indented\n");
        assertThat(rolled).contains("# Triage prompt: owned by the support team\n", "revision: 5   # bumped on every save\n",
                "# Lines end in text, not in a tag\nbody: |\n  Old body");
    }

    @Test
    void rollbackKeepsTrailingBreaksAndLeadingSpacesExactly() throws Exception {
        for (String body : new String[] {"no break", "two breaks\n\n", "  starts indented\n"}) {
            String rolled = PromptRevisions.rollback(FILE, TEXT, null, body, 1);
            assertThat(PromptParts.parse(FILE, rolled).body()).as(body).isEqualTo(body);
            assertThat(PromptParts.parse(FILE, rolled).system()).isEqualTo("You are the triage assistant.\n\nAnswer in JSON.\n");
        }
    }

    @Test
    void theSamplePromptSavesWithOnlyTwoLinesChanged() throws Exception {
        String sample = Files.readString(Path.of("workspaces/support-triage/prompts/triage.yaml"));
        String saved = PromptRevisions.nextRevision(FILE, sample, "Shorter replies");
        String[] before = sample.split("\n", -1);
        String[] after = saved.split("\n", -1);
        assertThat(after).hasSameSizeAs(before);
        int changed = 0;
        for (int i = 0; i < before.length; i++) if (!before[i].equals(after[i])) changed++;
        assertThat(changed).isEqualTo(2);
        assertThat(saved).contains("revision: 5\n", "changelog: \"Shorter replies\"\n");
    }
}
