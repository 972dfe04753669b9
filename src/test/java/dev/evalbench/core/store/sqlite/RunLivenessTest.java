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
    void aRunningRunWhoseProcessEndedButIsNotReapedYetReadsIncomplete() throws Exception {
        // `sleep 0.1` ends as a zombie: its parent execs into `sleep 30`, which never waits for it.
        Process parent = new ProcessBuilder("bash", "-c", "sleep 0.1 & exec sleep 30").start();
        try {
            Instant deadline = Instant.now().plusSeconds(10);
            while (parent.children().findAny().isEmpty()) {
                assertThat(Instant.now()).as("bash never started its child").isBefore(deadline);
                Thread.sleep(20);
            }
            ProcessHandle zombie = parent.children().findFirst().orElseThrow();
            while (!ProcessLiveness.isZombie(zombie.pid())) {
                assertThat(Instant.now()).as("the child never became a zombie").isBefore(deadline);
                Thread.sleep(20);
            }
            assertThat(zombie.isAlive()).as("the JDK counts it as alive").isTrue();
            try (SqliteRunStore store = SqliteRunStore.open(dir.resolve("history.db"))) {
                store.createRun(RunHeaders.running("run-1", START, zombie.pid()));
                assertThat(store.run("run-1").orElseThrow().status()).isEqualTo(RunStatus.INCOMPLETE);
            }
        } finally {
            parent.destroyForcibly().waitFor();
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
