package dev.evalbench.core.route.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.provider.ModelResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cached answer keeps its reasoning tokens and whether its counts were estimated; older cache files still open. */
class ResponseCacheColumnsTest {
    @TempDir
    Path dir;

    @Test
    void estimatedAndReasoningCountsSurviveTheCache() {
        Path file = dir.resolve("cache.db");
        try (ResponseCache cache = ResponseCache.open(file)) {
            cache.put("k1", new ModelResponse("{}", "o3-mini", 40, 900, 12, "r1", 832, false));
            cache.put("k2", new ModelResponse("{}", "llama", 10, 1, 12, null, 0, true));
        }
        try (ResponseCache cache = ResponseCache.open(file)) {
            assertThat(cache.get("k1")).contains(new ModelResponse("{}", "o3-mini", 40, 900, 12, "r1", 832, false));
            assertThat(cache.get("k2").orElseThrow().tokensEstimated()).isTrue();
        }
    }

    @Test
    void aCacheFileFromBeforeTheNewColumnsOpensAndReadsAsReportedCounts() throws Exception {
        Path file = oldCache("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("INSERT INTO responses VALUES ('k', 'answer', 'm', 3, 4, 5, 'rid', '2026-01-01T00:00:00Z')");
        }
        try (ResponseCache cache = ResponseCache.open(file)) {
            assertThat(cache.get("k")).contains(new ModelResponse("answer", "m", 3, 4, 5, "rid"));
        }
    }

    @Test
    void manyRunsOpeningAnOldCacheAtOnceAllOpenIt() throws Exception {
        // Two runs started together both found the columns missing; the second failed "duplicate column name".
        Path file = oldCache("shared.db");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<?>> opened = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            opened.add(pool.submit(() -> {
                start.await();
                ResponseCache.open(file).close();
                return null;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> f : opened) f.get(30, java.util.concurrent.TimeUnit.SECONDS);
        pool.shutdown();
        try (ResponseCache cache = ResponseCache.open(file)) {
            cache.put("k", new ModelResponse("{}", "m", 1, 2, 3, null, 4, true));
            assertThat(cache.get("k").orElseThrow().reasoningTokens()).isEqualTo(4);
        }
    }

    @Test
    void aCacheAnotherRunIsWritingOpensOnceTheWriteEnds() throws Exception {
        // The 8-way race above failed about once in 50 CI runs: a cache still in the old rollback-journal mode
        // cannot switch to WAL while another connection writes it, and SQLite answered SQLITE_BUSY at once,
        // whatever the busy timeout. Here the other run holds its write for 300 ms; the open waits it out.
        Path file = oldCache("written.db");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = writer.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("INSERT INTO responses VALUES ('k', 'answer', 'm', 3, 4, 5, 'rid', '2026-01-01T00:00:00Z')");
            java.util.concurrent.Future<ResponseCache> opening = pool.submit(() -> ResponseCache.open(file));
            Thread.sleep(300);
            assertThat(opening).as("the open waits while the file is written").isNotDone();
            s.execute("COMMIT");
            try (ResponseCache cache = opening.get(10, java.util.concurrent.TimeUnit.SECONDS)) {
                assertThat(cache.get("k")).contains(new ModelResponse("answer", "m", 3, 4, 5, "rid"));
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                java.sql.ResultSet mode = s.executeQuery("PRAGMA journal_mode")) {
            assertThat(mode.getString(1)).as("the cache is in WAL mode once opened").isEqualTo("wal");
        }
    }

    /** A cache file as Evalbench made it before the reasoning and estimate columns (rollback journal, no rows). */
    private Path oldCache(String name) throws Exception {
        Path file = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE responses (key TEXT PRIMARY KEY, text TEXT NOT NULL, model TEXT, tokens_in INTEGER NOT NULL, "
                    + "tokens_out INTEGER NOT NULL, latency_ms INTEGER NOT NULL, request_id TEXT, stored_at TEXT NOT NULL)");
        }
        return file;
    }
}
