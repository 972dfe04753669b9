package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which files a resume would not use, and how the note before it names them. */
class EditsSinceRunTest {
    @Test
    void changedRemovedAndAddedFilesAreEditsAndUnchangedOnesAreNot() {
        Map<String, String> recorded = Map.of("routes.yaml", "a1", "prompts/triage.yaml", "b1", "datasets/old.jsonl", "c1");
        Map<String, String> now = Map.of("routes.yaml", "a2", "prompts/triage.yaml", "b1", "datasets/new.jsonl", "d1");

        assertThat(EditsSinceRun.of(recorded, now)).containsExactly("datasets/new.jsonl", "datasets/old.jsonl", "routes.yaml");
        assertThat(EditsSinceRun.of(recorded, recorded)).isEmpty();
        assertThat(EditsSinceRun.of(null, now)).as("a run recorded before its inputs were").isEmpty();
    }

    @Test
    void theNoteNamesUpToThreeFilesAndCountsTheRest() {
        assertThat(EditsSinceRun.note("r1", List.of())).isNull();
        assertThat(EditsSinceRun.note("r1", List.of("routes.yaml"))).isEqualTo("routes.yaml changed since run r1 started:"
                + " resume runs its cases on the files as the run recorded them (a new run uses the edits)");
        assertThat(EditsSinceRun.note("r1", List.of("a.yaml", "b.yaml"))).startsWith("a.yaml and b.yaml changed since");
        assertThat(EditsSinceRun.note("r1", List.of("a", "b", "c", "d"))).startsWith("a, b, c and 1 other file changed");
        assertThat(EditsSinceRun.note("r1", List.of("a", "b", "c", "d", "e"))).startsWith("a, b, c and 2 other files changed");
    }
}
