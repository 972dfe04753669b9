package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.run.CaseRecords;
import dev.evalbench.core.run.RunHeaders;
import dev.evalbench.core.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case's detail (its big texts, deflated in the row) reads back byte for byte whatever its size and whatever was
 * read before it on the same thread, and a detail whose bytes were cut short is a corrupt history that names the
 * case, never a record with half a text.
 */
class CaseDetailReadTest {
    private static final Instant START = Instant.parse("2026-03-07T10:15:00Z");

    @TempDir Path dir;

    @Test
    void detailsOfEverySizeReadBackExactlyOneAfterAnother() throws Exception {
        Random random = new Random(7);
        // Small, then large enough to grow a reader's buffer several times (hardly compressible), then small again:
        // a short detail read after a long one must not carry any of its bytes.
        int[] sizes = {10, 300_000, 12, 40_000, 0, 2_000_000, 5};
        List<CaseRecord> records = new ArrayList<>();
        Path db = dir.resolve("history.db");
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            store.createRun(RunHeaders.running("run-1", START));
            for (int i = 0; i < sizes.length; i++) {
                CaseRecord r = withRawOutput(CaseRecords.sample("run-1", "triage", "t" + i, true, 100 + i), text(random, sizes[i]));
                store.appendCase(r);
                records.add(r);
            }
            assertThat(store.cases("run-1")).containsExactlyElementsOf(records);
            List<CaseRecord> oneAtATime = new ArrayList<>();
            store.forEachCase("run-1", oneAtATime::add);
            assertThat(oneAtATime).containsExactlyElementsOf(records);
        }
    }

    @Test
    void aDetailCutShortIsACorruptHistoryNamingTheCase() throws Exception {
        Path db = dir.resolve("history.db");
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            store.createRun(RunHeaders.running("run-1", START));
            store.appendCase(withRawOutput(CaseRecords.sample("run-1", "triage", "t0", true, 100), "whole " + "answer ".repeat(500)));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE cases SET detail = substr(detail, 1, length(detail) / 2)");
        }
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            assertThatThrownBy(() -> store.cases("run-1")).isInstanceOf(StoreException.class)
                    .hasMessageMatching("cannot read case #\\d+ of run run-1: its compressed bytes are truncated");
        }
    }

    /** {@code length} characters of letters, digits and some astral ones, drawn at random: deflate barely shrinks them. */
    private static String text(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            int pick = random.nextInt(70);
            if (pick == 0 && sb.length() + 2 <= length) sb.appendCodePoint(0x1F600 + random.nextInt(50));
            else sb.append((char) ('!' + random.nextInt(90)));
        }
        return sb.toString();
    }

    private static CaseRecord withRawOutput(CaseRecord r, String rawOutput) {
        return new CaseRecord(r.runId(), r.key(), r.traceId(), r.messages(), rawOutput, r.failureKind(),
                r.failureMessage(), r.parsed(), r.schemaValid(), r.schemaErrors(), r.decision(), r.evaluation(),
                r.expected(), r.blocking(), r.routeUsed(), r.provider(), r.modelUsed(), r.requestId(), r.latencyMs(),
                r.tokensIn(), r.tokensOut(), r.costUsd(), r.attempts(), r.fallbacks(), r.cacheHit(), r.versions(),
                r.startedAt(), r.finishedAt(), r.tags());
    }
}
