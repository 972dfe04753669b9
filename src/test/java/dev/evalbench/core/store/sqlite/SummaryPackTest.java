package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.run.CaseRecords;
import dev.evalbench.core.run.RunHeaders;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A complete run's summaries are kept in one pack (schema 6) by the first reader that may write, and later
 * readers read the pack instead of a row per case. The rows stay the history: what a pack gives must be exactly
 * what they give, and a pack that is damaged or no longer made from the rows the run holds is not used.
 */
class SummaryPackTest {
    private static final Instant START = Instant.parse("2026-03-07T10:15:00Z");
    static final String RUN = "run-1";

    @TempDir Path dir;

    @Test
    void aCompleteRunsSummariesComeFromItsPackExactlyAsTheRowsGiveThem() throws Exception {
        List<CaseRecord> records = variedRecords(1_500);
        Path db = completeRun(records);
        List<CaseSummary> fromRows = readMakingThePack(db);
        assertThat(fromRows).isEqualTo(records.stream().map(r -> CaseSummary.of(r, List.of())).toList());
        assertThat(Sql.count(db, "SELECT cases FROM summary_packs WHERE run_id = '" + RUN + "'")).isEqualTo(1_500);

        try (SqliteRunStore store = SqliteRunStore.openReadOnly(db)) {
            assertThat(store.summaries(RUN)).isEqualTo(fromRows);
        }
        // Later readers read the pack, not the rows: a pack that says otherwise than the rows is what they get.
        setPack(db, withFirstLatency(pack(db), 1));
        assertThat(firstLatencyRead(db)).isEqualTo(1);
    }

    @Test
    void aRowRewrittenInPlaceDropsThePackAndIsReadAsRewritten() throws Exception {
        Path db = completeRun(variedRecords(300));
        readMakingThePack(db);
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM summary_packs")).isEqualTo(1);
        // As sqlite3 by hand, or a migration, would: the count and order of the rows unchanged.
        Sql.execute(db, "UPDATE cases SET latency_ms = 1 WHERE run_id = '" + RUN + "' AND seq = 0");
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM summary_packs")).isZero();
        assertThat(firstLatencyRead(db)).isEqualTo(1);
    }

    @Test
    void aPackIsNotKeptWhenARowWasRewrittenAfterItsRowsWereRead() throws Exception {
        Path db = completeRun(variedRecords(300));
        try (Connection c = Sql.connect(db)) {
            SummaryPacks.Extent read = SummaryPacks.extent(c, RUN);
            SummaryPack.Writer writer = new SummaryPack.Writer();
            writer.add(new Row("x", 1, 1, 1.0, 1L));
            byte[] pack = writer.finish();
            c.createStatement().execute("UPDATE cases SET latency_ms = 1 WHERE run_id = '" + RUN + "' AND seq = 0");
            SummaryPacks.put(c, RUN, read, pack);
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM summary_packs")).isZero();
            SummaryPacks.put(c, RUN, SummaryPacks.extent(c, RUN), pack);
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM summary_packs")).isEqualTo(1);
        }
    }

    @Test
    void aDamagedPackIsPassedOverForTheRowsAndMadeAgain() throws Exception {
        List<CaseRecord> records = variedRecords(300);
        Path db = completeRun(records);
        List<CaseSummary> fromRows = readMakingThePack(db);
        byte[] pack = pack(db);
        byte[] damaged = Arrays.copyOf(pack, pack.length / 2);
        setPack(db, damaged);
        try (SqliteRunStore store = SqliteRunStore.openReadOnly(db)) {
            assertThat(store.summaries(RUN)).isEqualTo(fromRows);
        }
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            assertThat(store.summaries(RUN)).isEqualTo(fromRows);
        }
        assertThat(rowsOf(pack(db))).isEqualTo(300);
    }

    @Test
    void casesAddedAfterThePackWasMadeAreReadAndThePackIsMadeAgain() throws Exception {
        List<CaseRecord> records = variedRecords(300);
        Path db = completeRun(records);
        CaseRecord late = CaseRecords.sample(RUN, "triage", "late", true, 77);
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            store.summaries(RUN);
            store.appendCase(late);
            List<CaseSummary> read = store.summaries(RUN);
            assertThat(read).hasSize(301);
            assertThat(read.get(300)).isEqualTo(CaseSummary.of(late, List.of()));
        }
        assertThat(Sql.count(db, "SELECT cases FROM summary_packs")).isEqualTo(301);
    }

    @Test
    void discardingCasesOrStoringCasesInAReopenedRunDropsItsPack() throws Exception {
        List<CaseRecord> records = variedRecords(300);
        Path db = completeRun(records);
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            store.summaries(RUN);
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM summary_packs")).isEqualTo(1);
            // Discarding the last case and storing another leaves as many rows with the same last sequence number.
            store.discardCases(RUN, List.of(records.get(299).key()));
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM summary_packs")).isZero();
            CaseRecord again = CaseRecords.sample(RUN, "triage", "again", false, 5);
            store.appendCase(again);
            assertThat(store.summaries(RUN).get(299)).isEqualTo(CaseSummary.of(again, List.of()));
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM summary_packs")).isEqualTo(1);

            store.reopenRun(RUN, ProcessHandle.current().pid());
            store.appendCase(CaseRecords.sample(RUN, "triage", "resumed", true, 6));
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM summary_packs")).isZero();
            // A running run gets more rows: no pack is made for it.
            assertThat(store.summaries(RUN)).hasSize(301);
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM summary_packs")).isZero();
        }
    }

    @Test
    void aReaderThatMayNotWriteAndAnIncompleteRunMakeNoPack() throws Exception {
        Path db = completeRun(variedRecords(300));
        try (SqliteRunStore store = SqliteRunStore.openReadOnly(db)) {
            assertThat(store.summaries(RUN)).hasSize(300);
        }
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM summary_packs")).isZero();
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            store.finishRun(RUN, RunStatus.INCOMPLETE, START.plusSeconds(9));
            assertThat(store.summaries(RUN)).hasSize(300);
        }
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM summary_packs")).isZero();
    }

    @Test
    void aReaderDoesNotWaitForAnotherProcesssWriteToKeepThePack() throws Exception {
        List<CaseRecord> records = variedRecords(300);
        Path db = completeRun(records);
        try (SqliteRunStore store = SqliteRunStore.open(db); Connection other = Sql.connect(db)) {
            other.createStatement().execute("BEGIN IMMEDIATE");
            // The history's busy timeout is 10 s: a reader that waited for the write lock would take that long.
            List<CaseSummary> read = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> store.summaries(RUN));
            assertThat(read).hasSize(300);
            other.createStatement().execute("ROLLBACK");
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM summary_packs")).isZero();

            store.summaries(RUN);
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM summary_packs")).isEqualTo(1);
            // The store's own writes still wait for a busy history as they always did.
            other.createStatement().execute("BEGIN IMMEDIATE");
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    other.createStatement().execute("ROLLBACK");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            store.tag(RUN, "main");
            release.join();
            assertThat(store.resolve("main")).contains(RUN);
        }
    }

    @Test
    void everyValueComesBackExactlyFromAPack() throws Exception {
        Row[] rows = {
                new Row(null, 0, 0, 0.0, null),
                new Row("", Integer.MIN_VALUE, Long.MIN_VALUE, -0.0, Long.MIN_VALUE),
                new Row("tri😀ge ü 中文", Integer.MAX_VALUE, Long.MAX_VALUE, Double.NaN, Long.MAX_VALUE),
                new Row("{\"category\":\"bug\"}", -1, -1, Double.NEGATIVE_INFINITY, -1L),
                new Row("tri😀ge ü 中文", 127, 128, 5.1e-05, 0L),
        };
        SummaryPack.Writer writer = new SummaryPack.Writer();
        for (Row row : rows) {
            SummaryRow added = writer.add(row);
            assertThat(valuesOf(added)).isEqualTo(valuesOf(row));
        }
        SummaryPack.Reader reader = new SummaryPack.Reader(writer.finish());
        for (Row row : rows) {
            assertThat(reader.next()).isTrue();
            assertThat(valuesOf(reader)).isEqualTo(valuesOf(row));
            assertThat(Double.doubleToRawLongBits(reader.real(19))).isEqualTo(Double.doubleToRawLongBits(row.real));
        }
        assertThat(reader.next()).isFalse();
    }

    @Test
    void aTextThatWouldNotComeBackByteForByteMeansNoPack() throws Exception {
        SummaryPack.Writer writer = new SummaryPack.Writer();
        writer.add(new Row("half a pair \uD83D", 1, 1, 1.0, 1L));
        assertThat(writer.finish()).isNull();
    }

    @Test
    void bytesThatAreNotAWholePackAreRefused() throws Exception {
        SummaryPack.Writer writer = new SummaryPack.Writer();
        writer.add(new Row("x", 1, 1, 1.0, 1L));
        byte[] pack = writer.finish();
        assertThatThrownBy(() -> rowsOf(Arrays.copyOf(pack, pack.length - 3))).isInstanceOf(SummaryPack.Damaged.class);
        byte[] longer = Arrays.copyOf(pack, pack.length + 1);
        assertThatThrownBy(() -> rowsOf(longer)).as("a byte after the end").isInstanceOf(SummaryPack.Damaged.class);
        assertThatThrownBy(() -> new SummaryPack.Reader(new byte[] {1, 2, 3})).isInstanceOf(SummaryPack.Damaged.class);
    }

    /** A row whose every text column holds {@code text}, every integer column {@code integer}, and so on. */
    private record Row(String text, int integer, long int64, double real, Long nullable) implements SummaryRow {
        @Override public String text(int column) { return text; }
        @Override public int integer(int column) { return integer; }
        @Override public long int64(int column) { return int64; }
        @Override public double real(int column) { return real; }
        @Override public Long nullableInt64(int column) { return nullable; }
    }

    /** Each column read as the summary reads it (text, integer, 64-bit, real, nullable by position). */
    private static List<Object> valuesOf(SummaryRow row) throws Exception {
        List<Object> values = new ArrayList<>();
        for (int column = 1; column <= CaseRows.SUMMARY_COLUMN_COUNT; column++) {
            values.add(switch (column) {
                case 5, 7, 8, 10, 13, 17, 18, 20, 21, 22, 30 -> row.integer(column);
                case 16 -> row.int64(column);
                case 19 -> row.real(column);
                case 32 -> row.nullableInt64(column);
                default -> row.text(column);
            });
        }
        return values;
    }

    private Path completeRun(List<CaseRecord> records) throws Exception {
        return completeRun(dir, records);
    }

    /** A history under {@code dir} holding one complete run of {@code records}. */
    static Path completeRun(Path dir, List<CaseRecord> records) throws Exception {
        Path db = dir.resolve(".evalbench/history.db");
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            store.importRun(RunHeaders.running(RUN, START), records);
            store.finishRun(RUN, RunStatus.COMPLETE, START.plusSeconds(5));
        }
        return db;
    }

    /** NULLs, non-ASCII and astral characters, failures, values that repeat and values seen once. */
    static List<CaseRecord> variedRecords(int n) {
        List<CaseRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String suite = i % 11 == 0 ? "tri😀ge-ü-" + (i % 3) : "s" + (i % 40);
            CaseRecords.Builder b = CaseRecords.builder(RUN, suite, "c" + i).promptId(i % 5 == 0 ? "prompt-é" : "triage")
                    .route(i % 3 == 0 ? "primary" : "route-" + i).sample(i % 130).passed(i % 4 != 0).latencyMs(100 + 37L * i);
            if (i % 7 == 0) b.failure(i % 2 == 0 ? FailureKind.TIMEOUT : FailureKind.RATE_LIMITED);
            records.add(b.build());
        }
        return records;
    }

    static byte[] pack(Path db) throws Exception {
        try (Connection c = Sql.connect(db); PreparedStatement ps = c.prepareStatement("SELECT pack FROM summary_packs")) {
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    /** The run's summaries read through a store that may write, which keeps their pack (read from the rows). */
    static List<CaseSummary> readMakingThePack(Path db) throws Exception {
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            return store.summaries(RUN);
        }
    }

    /** The first case's latency as a reader that may not write reads it. */
    private static long firstLatencyRead(Path db) throws Exception {
        try (SqliteRunStore store = SqliteRunStore.openReadOnly(db)) {
            return store.summaries(RUN).get(0).latencyMs();
        }
    }

    private static int rowsOf(byte[] pack) {
        SummaryPack.Reader reader = new SummaryPack.Reader(pack);
        int rows = 0;
        while (reader.next()) rows++;
        return rows;
    }

    /** {@code pack} with its first row's latency set to {@code latency}. */
    static byte[] withFirstLatency(byte[] pack, long latency) throws Exception {
        SummaryPack.Reader reader = new SummaryPack.Reader(pack);
        SummaryPack.Writer writer = new SummaryPack.Writer();
        for (int row = 0; reader.next(); row++) {
            boolean first = row == 0;
            writer.add(new SummaryRow() {
                @Override public String text(int column) { return reader.text(column); }
                @Override public int integer(int column) { return reader.integer(column); }
                @Override public long int64(int column) { return first && column == 16 ? latency : reader.int64(column); }
                @Override public double real(int column) { return reader.real(column); }
                @Override public Long nullableInt64(int column) { return reader.nullableInt64(column); }
            });
        }
        return writer.finish();
    }

    static void setPack(Path db, byte[] pack) throws Exception {
        try (Connection c = Sql.connect(db); PreparedStatement ps = c.prepareStatement("UPDATE summary_packs SET pack = ?")) {
            ps.setBytes(1, pack);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
