package dev.evalbench.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edits kept across a stop, on a real config folder: found for their template only, and never half a file. */
class KeptEditsTest {
    @TempDir Path config;

    private final Path triage = Path.of("/work/ws/prompts/triage.yaml");
    private final Path rubric = Path.of("/work/ws/prompts/reply-rubric.yaml");

    @Test
    void keptEditsAreFoundForTheirTemplateOnlyUntilForgotten() throws Exception {
        KeptEdits kept = new KeptEdits(config);
        Instant at = Instant.parse("2026-12-01T03:38:50Z");

        kept.keep(triage, "id: triage\nrevision: 4\n draft\n", "id: triage\nrevision: 4\n", at);

        KeptEdits.Kept found = kept.find(triage).orElseThrow();
        assertThat(found.text()).isEqualTo("id: triage\nrevision: 4\n draft\n");
        assertThat(found.keptAt()).isEqualTo(at);
        assertThat(found.madeToAnotherVersion("id: triage\nrevision: 4\n")).isFalse();
        assertThat(found.madeToAnotherVersion("id: triage\nrevision: 5\n")).as("pulled since").isTrue();
        assertThat(kept.find(rubric)).isEmpty();
        assertThat(config.resolve("recovery")).isDirectoryContaining(p -> p.toString().endsWith(".json"));
        kept.forget(triage);
        assertThat(kept.find(triage)).isEmpty();
        kept.forget(triage); // nothing kept: fine
    }

    @Test
    void aDamagedOrForeignFileOffersNothingRatherThanTheWrongText() throws Exception {
        KeptEdits kept = new KeptEdits(config);
        kept.keep(triage, "mine", "base", Instant.EPOCH);
        Path file;
        try (var files = Files.list(config.resolve("recovery"))) {
            file = files.findFirst().orElseThrow();
        }

        Files.writeString(file, "{\"file\": \"" + rubric + "\", \"kept_at\": \"1970-01-01T00:00:00Z\", \"text\": \"theirs\"}");
        assertThat(kept.find(triage)).as("kept for another path").isEmpty();

        Files.writeString(file, "{\"file\": \"" + triage + "\", \"text\": ");
        assertThat(kept.find(triage)).as("cut short").isEmpty();
    }
}
