package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.run.CaseRecords;
import dev.evalbench.core.run.RunHeaders;
import dev.evalbench.core.record.RunStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Worker threads appending at once, and a second store instance reading while the run is still going. */
class SqliteRunStoreConcurrencyTest {
    private static final Instant START = Instant.parse("2026-03-07T10:15:00Z");
    private static final int THREADS = 16;
    private static final int CASES_PER_THREAD = 25;

    @TempDir Path dir;

    @Test
    void appendsFromSixteenThreadsAllLandOnceEach() throws Exception {
        Path db = dir.resolve("history.db");
        ExecutorService workers = Executors.newFixedThreadPool(THREADS);
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            store.createRun(RunHeaders.running("run-1", START));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(workers.submit(() -> {
                    go.await();
                    for (int i = 0; i < CASES_PER_THREAD; i++) {
                        store.appendCase(CaseRecords.sample("run-1", "triage", "w" + thread + "-c" + i, i % 3 != 0, i));
                        if (i % 5 == 0) {
                            // reads interleaved with writes must neither block nor fail
                            assertThat(store.finishedKeys("run-1")).isNotEmpty();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }

            List<CaseRecord> cases = store.cases("run-1");
            Set<String> ids = new HashSet<>();
            cases.forEach(c -> ids.add(c.key().caseId()));
            assertThat(cases).hasSize(THREADS * CASES_PER_THREAD);
            assertThat(ids).hasSize(THREADS * CASES_PER_THREAD);
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void aSecondStoreSeesCasesWhileTheWriterIsStillRunning() throws Exception {
        Path db = dir.resolve("history.db");
        try (SqliteRunStore writer = SqliteRunStore.open(db); SqliteRunStore reader = SqliteRunStore.open(db)) {
            writer.createRun(RunHeaders.running("run-1", START));
            writer.appendCase(CaseRecords.sample("run-1", "triage", "t001", true, 10));
            writer.appendCase(CaseRecords.sample("run-1", "triage", "t002", false, 20));

            assertThat(reader.run("run-1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
            assertThat(reader.finishedKeys("run-1")).containsExactlyInAnyOrder(
                    new CaseKey("triage", "t001", "triage", "offline", 0),
                    new CaseKey("triage", "t002", "triage", "offline", 0));

            writer.appendCase(CaseRecords.sample("run-1", "triage", "t003", true, 30));

            assertThat(reader.cases("run-1")).extracting(c -> c.key().caseId()).containsExactly("t001", "t002", "t003");
        }
    }

    @Test
    void aNewHistoryAnotherProcessIsCreatingOpensOnceItsWriteEnds() throws Exception {
        // Two runs started together on a workspace without a history: the second failed "cannot open the history:
        // [SQLITE_BUSY]" about once in fifty, because a new file's switch to WAL does not wait out the busy
        // timeout while another connection holds it. Here the other holds its write for 300 ms; the open waits.
        Path db = dir.resolve("new-history.db");
        ExecutorService opener = Executors.newSingleThreadExecutor();
        try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            Future<SqliteRunStore> opening = opener.submit(() -> SqliteRunStore.open(db));
            Thread.sleep(300);
            assertThat(opening).as("the open waits while the file is held").isNotDone();
            s.execute("COMMIT");
            try (SqliteRunStore store = opening.get(10, java.util.concurrent.TimeUnit.SECONDS)) {
                store.createRun(RunHeaders.running("run-1", START));
                store.appendCase(CaseRecords.sample("run-1", "triage", "c1", true, 0));
                assertThat(store.finishedKeys("run-1")).hasSize(1);
            }
        } finally {
            opener.shutdownNow();
        }
    }
}
