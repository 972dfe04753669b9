package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.cli.Cli;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import dev.evalbench.core.workspace.InputError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warnings a run prints about a text changed under a kept revision or version, placed where the author fixes
 * them: the prompt's {@code revision} key, the suite's {@code version} key in evalbench.yaml. A copy of the sample
 * and a real history holding a run of its files as they were.
 */
class RevisionReusePlacedTest {
    private static final String PROMPT = "prompts/triage.yaml";
    private static final String PROBES = "datasets/probes.jsonl";
    @TempDir Path tmp;

    @Test
    void eachWarningIsPlacedAtTheKeyThatEndsIt() throws Exception {
        Path ws = Cli.copySample(tmp);
        storeRunOfTheFilesAsTheyAre(ws);
        edit(ws.resolve(PROMPT), "Take order ids from the ticket text only", "Take order ids from the ticket only");
        edit(ws.resolve(PROBES), "Confirm with action refund.", "Confirm with the action refund.");

        List<InputError> placed;
        try (SqliteRunStore store = SqliteRunStore.open(HistoryLocation.defaultDb(ws))) {
            placed = RevisionReuse.placed(Components.loadChecked(ws, Map.of()), store);
        }

        assertThat(placed).hasSize(2);
        InputError prompt = placed.get(0);
        assertThat(prompt.file()).isEqualTo(PROMPT);
        assertThat(lineOf(ws.resolve(PROMPT), prompt.line())).startsWith("revision: 4");
        assertThat(prompt.message()).isEqualTo("its text differs from the one run run-1 used, but both say revision 4; "
                + "give the new text revision 5 and a changelog line, so the history, reports and comparisons tell them apart");
        InputError evalSet = placed.get(1);
        assertThat(evalSet.file()).isEqualTo("evalbench.yaml");
        // The safety suite's version, not the triage suite's (the same value, four lines above it).
        List<String> manifest = Files.readAllLines(ws.resolve("evalbench.yaml"));
        assertThat(manifest.get(evalSet.line() - 1).strip()).isEqualTo("version: \"2026.11.1\"");
        assertThat(manifest.subList(0, evalSet.line() - 1)).filteredOn(l -> l.contains("- name:")).last()
                .asString().contains("safety");
        assertThat(evalSet.message()).startsWith(PROBES + ": its cases differ from the ones run run-1 read, but suite "
                + "safety says version 2026.11.1 for both; give the suite a new version in evalbench.yaml");

        edit(ws.resolve(PROMPT), "revision: 4", "revision: 5");
        try (SqliteRunStore store = SqliteRunStore.open(HistoryLocation.defaultDb(ws))) {
            assertThat(RevisionReuse.placed(Components.loadChecked(ws, Map.of()), store))
                    .as("a new revision ends the prompt's warning").extracting(InputError::file).containsExactly("evalbench.yaml");
        }
    }

    /** A run whose inputs are the prompt, the probes and the manifest as the sample ships them. */
    private static void storeRunOfTheFilesAsTheyAre(Path ws) throws Exception {
        try (SqliteRunStore store = SqliteRunStore.open(HistoryLocation.defaultDb(ws))) {
            Map<String, String> inputs = Map.of(
                    PROMPT, store.putSnapshot(Files.readAllBytes(ws.resolve(PROMPT))),
                    PROBES, store.putSnapshot(Files.readAllBytes(ws.resolve(PROBES))),
                    "evalbench.yaml", store.putSnapshot(Files.readAllBytes(ws.resolve("evalbench.yaml"))));
            store.createRun(new RunHeader("run-1", "support-triage", ws.toString(),
                    new RunConfig(List.of("offline"), List.of(), 1, 1, "off"), RunStatus.COMPLETE,
                    Instant.parse("2026-12-05T10:00:00Z"), null, "test", null, inputs, 0, 1, List.of()));
        }
    }

    private static String lineOf(Path file, int line) throws Exception {
        assertThat(line).isPositive();
        return Files.readAllLines(file).get(line - 1);
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
