package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.RunHeaders;
import dev.evalbench.core.record.RunStatus;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A RUNNING run whose writing process is gone reads as INCOMPLETE, so it can be told apart and resumed. */
class RunLivenessTest {
    private static final Instant START = Instant.parse("2026-03-07T10:15:00Z");

    @TempDir Path dir;

    @Test
    void aRunningRunOfALiveProcessReadsRunning() throws Exception {
        try (SqliteRunStore store = SqliteRunStore.open(dir.resolve("history.db"))) {
            store.createRun(RunHeaders.running("run-1", START));

            assertThat(store.run("run-1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        }
    }

    @Test
    void aRunningRunWhoseProcessHasEndedReadsIncomplete() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (SqliteRunStore store = SqliteRunStore.open(dir.resolve("history.db"))) {
            store.createRun(RunHeaders.running("run-1", START, gone.pid()));

            RunHeader back = store.run("run-1").orElseThrow();

            assertThat(back.status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(store.runs(10)).extracting(RunHeader::status).containsExactly(RunStatus.INCOMPLETE);
        }
    }

    @Test
    void aLiveProcessThatReusedTheWritersPidDoesNotKeepTheRunRunning() throws Exception {
        Path db = dir.resolve("history.db");
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            store.createRun(RunHeaders.running("run-1", START));
            // As if the writer had started an hour before the process that now holds its pid.
            Sql.execute(db, "UPDATE runs SET pid_started_at = '2020-01-01T00:00:00.000000000Z' WHERE id = 'run-1'");

            assertThat(store.run("run-1").orElseThrow().status()).isEqualTo(RunStatus.INCOMPLETE);
        }
    }

    @Test
    void finishedRunsKeepTheirStatusWhateverTheirProcess() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (SqliteRunStore store = SqliteRunStore.open(dir.resolve("history.db"))) {
            store.createRun(RunHeaders.running("run-1", START, gone.pid()));
            store.finishRun("run-1", RunStatus.COMPLETE, START.plusSeconds(30));

            assertThat(store.run("run-1").orElseThrow().status()).isEqualTo(RunStatus.COMPLETE);
        }
    }
}
