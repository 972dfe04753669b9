package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.run.CaseRecords;
import dev.evalbench.core.run.RunHeaders;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the window watches to notice a terminal's runs: one history file, two stores on it (the window's and a
 * terminal's). The count moves for the other's commits only, never for the store's own.
 */
class WritesByOthersTest {
    private static final Instant START = Instant.parse("2026-12-02T13:00:00Z");

    @TempDir Path dir;

    @Test
    void movesForAnotherConnectionsCommitsAndNotForItsOwn() throws Exception {
        Path db = dir.resolve(".evalbench/history.db");
        try (SqliteRunStore window = SqliteRunStore.open(db); SqliteRunStore terminal = SqliteRunStore.open(db)) {
            long start = window.writesByOthers();
            window.createRun(RunHeaders.running("mine", START));
            window.appendCase(CaseRecords.sample("mine", "triage", "t001", true, 300));
            window.finishRun("mine", RunStatus.COMPLETE, START.plusSeconds(1));
            assertThat(window.writesByOthers()).as("the window's own run").isEqualTo(start);
            // Reading moves nothing either.
            terminal.runs(10);
            assertThat(window.writesByOthers()).isEqualTo(start);

            terminal.createRun(RunHeaders.running("theirs", START.plusSeconds(5)));
            long afterRun = window.writesByOthers();
            assertThat(afterRun).as("a run the terminal started").isNotEqualTo(start);
            assertThat(window.writesByOthers()).as("asked again, nothing new").isEqualTo(afterRun);
            terminal.tag("mine", "main");
            assertThat(window.writesByOthers()).as("a tag the terminal moved").isNotEqualTo(afterRun);
        }
    }

    @Test
    void aReadOnlyStoreDoesNotWatch() throws Exception {
        Path db = dir.resolve(".evalbench/history.db");
        try (SqliteRunStore writer = SqliteRunStore.open(db); SqliteRunStore reader = SqliteRunStore.openReadOnly(db)) {
            writer.createRun(RunHeaders.running("r", START));
            assertThat(reader.writesByOthers()).isZero();
        }
    }
}
