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
        var mode = Files.getPosixFilePermissions(config.resolve("recovery"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(mode))
                .as("what was typed is the user's alone").isEqualTo("rwx------");
        kept.forget(triage);
        assertThat(kept.find(triage)).isEmpty();
        kept.forget(triage); // nothing kept: fine
    }

    /** A case's edit is kept with where it goes and its line as read; a new case with no line, and none read. */
    @Test
    void aCasesEditIsKeptWithItsPlace() throws Exception {
        KeptEdits kept = new KeptEdits(config);
        Path dataset = Path.of("/work/ws/datasets/tickets.jsonl");
        kept.keepCase(dataset, new KeptEdits.CaseAt(2, "t002"), "{ typed }",
                "{\"id\": \"t002\"}", Instant.EPOCH);
        KeptEdits.Kept found = kept.find(dataset).orElseThrow();
        assertThat(found.caseAt()).isEqualTo(new KeptEdits.CaseAt(2, "t002"));
        assertThat(found.text()).isEqualTo("{ typed }");
        assertThat(found.madeToAnotherVersion("{\"id\": \"t002\"}")).isFalse();
        assertThat(kept.find(triage).orElse(null)).isNull();

        kept.keepCase(dataset, new KeptEdits.CaseAt(0, null), "{ new }", null, Instant.EPOCH);
        found = kept.find(dataset).orElseThrow();
        assertThat(found.caseAt()).as("replaces the one kept before").isEqualTo(new KeptEdits.CaseAt(0, null));
        assertThat(found.baseSha256()).isNull();
        kept.keep(triage, "t", "b", Instant.EPOCH);
        assertThat(kept.find(triage).orElseThrow().caseAt()).as("a whole file's edits").isNull();
    }

    /**
     * The files a workspace opens at start for their offers: those whose kept edits differ from what they hold (a case's
     * always), not a file whose kept text it holds now (line ends aside), nor a file gone, nor another folder's.
     */
    @Test
    void theFilesOfAWorkspaceWithEditsToOfferAreThoseItsEditorsWillOffer(@TempDir Path ws) throws Exception {
        KeptEdits kept = new KeptEdits(config);
        Path edited = Files.writeString(Files.createDirectories(ws.resolve("prompts")).resolve("a.yaml"), "id: a\r\n");
        Path same = Files.writeString(ws.resolve("prompts/b.yaml"), "id: b\r\n");
        Path cases = Files.writeString(Files.createDirectories(ws.resolve("datasets")).resolve("c.jsonl"), "{}\n");
        kept.keep(edited, "id: a\n# typed\n", "id: a\n", Instant.EPOCH);
        kept.keep(same, "id: b\n", "id: b\n", Instant.EPOCH);
        kept.keepCase(cases, new KeptEdits.CaseAt(0, null), "{ }", null, Instant.EPOCH);
        kept.keep(ws.resolve("prompts/gone.yaml"), "x", "y", Instant.EPOCH);
        kept.keep(triage, "elsewhere", "base", Instant.EPOCH);

        assertThat(kept.filesUnder(ws)).containsExactlyInAnyOrder(edited.toAbsolutePath().normalize(),
                cases.toAbsolutePath().normalize());
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
