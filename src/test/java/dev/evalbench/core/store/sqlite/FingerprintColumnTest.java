package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.compare.RecordEdits;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.OutputFingerprint;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.run.CaseRecords;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every stored case carries its output fingerprint; a history written before schema 5 gets them on open. */
class FingerprintColumnTest {
    @TempDir Path dir;

    @Test
    void summariesCarryTheFingerprintOfTheirRecord() throws Exception {
        Path db = dir.resolve("history.db");
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            storeRun(store);
            assertFingerprintsOfRecords(store);
        }
    }

    @Test
    void aSchema4HistoryGetsFingerprintsWhenOpened() throws Exception {
        Path db = dir.resolve("history.db");
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            storeRun(store);
        }
        Sql.downgrade(db, 4);
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            assertThat(Sql.count(db, "SELECT MAX(version) FROM schema_version")).isEqualTo(Migrations.latestVersion());
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM cases WHERE output_fp IS NULL")).isZero();
            assertFingerprintsOfRecords(store);
        }
    }

    @Test
    void outputsThatReadTheSameInAComparisonShareAFingerprint() {
        CaseRecord r = CaseRecords.sample("r", "triage", "t1", true, 1);
        long json = OutputFingerprint.of(RecordEdits.withOutput(r, "{\"a\":1,\"b\":[true,null]}"));
        assertThat(OutputFingerprint.of(RecordEdits.withOutput(r, "{ \"b\": [true, null],\n \"a\": 1 }"))).isEqualTo(json);
        assertThat(OutputFingerprint.of(RecordEdits.withOutput(r, "{\"a\":1.0,\"b\":[true,null]}"))).isNotEqualTo(json);
        assertThat(OutputFingerprint.of(RecordEdits.withOutput(r, "{\"a\":\"1\",\"b\":[true,null]}"))).isNotEqualTo(json);
        assertThat(OutputFingerprint.of(RecordEdits.withOutput(r, "plain"))).isNotEqualTo(OutputFingerprint.of(RecordEdits.withOutput(r, "plain.")));
    }

    /**
     * The fingerprint is the first 8 bytes of the SHA-256 of the canonical form, as histories already store it, on
     * every call and on many threads at once (each call hashes with a digest of its own).
     */
    @Test
    void theFingerprintIsTheStoredHashOnEveryThread() throws Exception {
        CaseRecord r = RecordEdits.withOutput(CaseRecords.sample("r", "triage", "t1", true, 1), "plain ünïcode");
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256")
                .digest("text\nplain ünïcode".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long expected = java.nio.ByteBuffer.wrap(sha, 0, 8).getLong();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                all.add(pool.submit(() -> {
                    for (int j = 0; j < 500; j++) if (OutputFingerprint.of(r) != expected) return false;
                    return true;
                }));
            }
            for (var f : all) assertThat(f.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void storeRun(SqliteRunStore store) throws Exception {
        store.createRun(RecordEdits.completeHeader("run-a", Instant.parse("2026-03-07T10:00:00Z"), Map.of(), 3));
        for (CaseRecord r : List.of(CaseRecords.sample("run-a", "triage", "t1", true, 1),
                RecordEdits.withOutput(CaseRecords.sample("run-a", "triage", "t2", true, 1), "not json"),
                CaseRecords.builder("run-a", "triage", "t3").failure(dev.evalbench.core.record.FailureKind.TIMEOUT).build())) {
            store.appendCase(r);
        }
        store.finishRun("run-a", RunStatus.COMPLETE, Instant.parse("2026-03-07T10:00:05Z"));
    }

    private static void assertFingerprintsOfRecords(SqliteRunStore store) throws Exception {
        List<CaseSummary> summaries = store.summaries("run-a");
        List<CaseRecord> records = store.cases("run-a");
        assertThat(summaries).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(summaries.get(i).outputFingerprint()).isEqualTo(OutputFingerprint.of(records.get(i)));
            assertThat(summaries.get(i)).isEqualTo(CaseSummary.of(records.get(i)));
        }
    }
}
