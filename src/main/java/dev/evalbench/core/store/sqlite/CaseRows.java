package dev.evalbench.core.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.JudgeVerdict;
import dev.evalbench.core.record.VersionTuple;
import dev.evalbench.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code cases} table (schema 2): one compact row per case whose columns are a {@link CaseSummary}, and
 * the rest of the record compressed in {@code detail} (see {@link CaseDetail}). {@code seq} keeps stored
 * order. Called on a connection already inside a transaction (writes) or a read transaction.
 */
final class CaseRows {
    private static final String WRITTEN_COLUMNS = "suite, case_id, prompt_id, route, sample, trace_id, passed, schema_valid, "
            + "failure_kind, accepted, final_action, failures, blocking, route_used, model_used, latency_ms, "
            + "tokens_in, tokens_out, cost_usd, attempts, fallbacks, cache_hit, tags, expected, scored_output, "
            + "failure_message, rule, failed_checks, fallback_steps, tokens_estimated";
    /** Columns 31 (judge verdicts, schema 4) and 32 (output fingerprint, schema 5) come after the written ones. */
    static final String SUMMARY_COLUMNS = WRITTEN_COLUMNS + ", judgements, output_fp";
    static final int SUMMARY_COLUMN_COUNT = 32;
    static final String RECORD_COLUMNS = SUMMARY_COLUMNS + ", started_at, versions_sha, detail, seq";

    private CaseRows() {}

    /** Inserts one record at {@code seq}; shared texts go to {@link CaseTexts} in the same transaction. */
    static void insert(Connection c, CaseRecord r, long seq, Map<String, Boolean> known) throws SQLException, StoreException {
        insert(c, r, seq, known, true);
    }

    /**
     * As {@link #insert(Connection, CaseRecord, long, Map)}; without {@code latestSchema} the row is written as
     * schema 2 knows it, without the judge verdicts and fingerprint columns: migration 2 converts schema-1 rows
     * through here before migrations 4 and 5 add those columns (its records have no verdicts, and migration 5
     * fills in the fingerprints).
     */
    static void insert(Connection c, CaseRecord r, long seq, Map<String, Boolean> known, boolean latestSchema)
            throws SQLException, StoreException {
        try (PreparedStatement ps = c.prepareStatement(insertSql(latestSchema))) {
            insert(c, ps, r, seq, known, latestSchema);
        }
    }

    /** The INSERT of one row, with or without the columns of schemas 4 and 5. */
    static String insertSql(boolean latestSchema) {
        return "INSERT INTO cases (run_id, seq, " + WRITTEN_COLUMNS
                + ", started_at, versions_sha, detail" + (latestSchema ? ", judgements, output_fp" : "")
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" + (latestSchema ? ", ?, ?" : "") + ")";
    }

    /**
     * As {@link #insert(Connection, CaseRecord, long, Map, boolean)} through {@code ps}, a statement of
     * {@link #insertSql} prepared on {@code c}: a batch of cases prepares it once, not once a case.
     */
    static void insert(Connection c, PreparedStatement ps, CaseRecord r, long seq, Map<String, Boolean> known,
                       boolean latestSchema) throws SQLException, StoreException {
        CaseSummary s = CaseSummary.of(r);
        CaseKey key = r.key();
        byte[] detail = CaseDetail.write(c, r, known);
        String versions = CaseDetail.versionsRef(c, r, known);
        int i = 0;
        ps.setString(++i, r.runId());
        ps.setLong(++i, seq);
        ps.setString(++i, key.suite());
        ps.setString(++i, key.caseId());
        ps.setString(++i, key.promptId());
        ps.setString(++i, key.route());
        ps.setInt(++i, key.sample());
        ps.setString(++i, s.traceId());
        ps.setInt(++i, s.passed() ? 1 : 0);
        ps.setInt(++i, s.schemaValid() ? 1 : 0);
        ps.setString(++i, s.failureKind());
        ps.setInt(++i, s.accepted() ? 1 : 0);
        ps.setString(++i, s.finalAction());
        ps.setString(++i, jsonOrNull(s.failures().isEmpty() ? null : s.failures(), r));
        ps.setInt(++i, s.blocking() ? 1 : 0);
        ps.setString(++i, s.routeUsed());
        ps.setString(++i, s.modelUsed());
        ps.setLong(++i, s.latencyMs());
        ps.setInt(++i, s.tokensIn());
        ps.setInt(++i, s.tokensOut());
        ps.setDouble(++i, s.costUsd());
        ps.setInt(++i, s.attempts());
        ps.setInt(++i, s.fallbacks());
        ps.setInt(++i, s.cacheHit() ? 1 : 0);
        ps.setString(++i, jsonOrNull(s.tags().isEmpty() ? null : s.tags(), r));
        ps.setString(++i, jsonOrNull(s.expected(), r));
        ps.setString(++i, jsonOrNull(s.scoredOutput(), r));
        ps.setString(++i, s.failureMessage());
        ps.setString(++i, s.rule());
        ps.setString(++i, jsonOrNull(s.failedChecks().isEmpty() ? null : s.failedChecks(), r));
        ps.setString(++i, jsonOrNull(s.fallbackSteps().isEmpty() ? null : s.fallbackSteps(), r));
        ps.setInt(++i, s.tokensEstimated() ? 1 : 0);
        ps.setString(++i, r.startedAt() == null ? null : Timestamps.format(r.startedAt()));
        ps.setString(++i, versions);
        ps.setBytes(++i, detail);
        if (latestSchema) {
            ps.setString(++i, jsonOrNull(s.judgements().isEmpty() ? null : s.judgements(), r));
            ps.setLong(++i, s.outputFingerprint());
        }
        ps.executeUpdate();
    }

    /**
     * The next sequence number of a per-run table. Safe without a database sequence because every write in
     * this process holds the writer lock and the IMMEDIATE transaction keeps other processes out.
     */
    static long nextSeq(Connection c, String table, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM " + table + " WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long max = rs.getLong(1);
                return rs.wasNull() ? 0 : max + 1;
            }
        }
    }

    static void delete(Connection c, String runId, CaseKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM cases WHERE run_id = ? AND suite = ? "
                + "AND case_id = ? AND prompt_id = ? AND route = ? AND sample = ?")) {
            ps.setString(1, runId);
            ps.setString(2, key.suite());
            ps.setString(3, key.caseId());
            ps.setString(4, key.promptId());
            ps.setString(5, key.route());
            ps.setInt(6, key.sample());
            ps.executeUpdate();
        }
    }

    static final String EXISTS_SQL = "SELECT 1 FROM cases WHERE run_id = ? AND suite = ? "
            + "AND case_id = ? AND prompt_id = ? AND route = ? AND sample = ?";

    /** Whether the run holds a record for {@code key}, asked through {@code ps}, a statement of {@link #EXISTS_SQL}. */
    static boolean exists(PreparedStatement ps, String runId, CaseKey key) throws SQLException {
        bindKey(ps, runId, key);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /**
     * Every summary of a run in stored order; reads no detail. The first rows are read as they are and tell
     * which text values repeat; the rest come with those values as small codes ({@link CodedTextColumns}), which
     * crosses from SQLite to Java once a row for them instead of once a column: reading a string column is
     * most of the cost of a large run's summaries. Values outside the codes are read as they are.
     */
    static List<CaseSummary> summaries(Connection c, String runId) throws SQLException, StoreException {
        return summaries(c, runId, null);
    }

    /**
     * As {@link #summaries(Connection, String)}; every row read is also added to {@code pack} when one is given,
     * so a run's summary pack is made by the read that needs its summaries anyway.
     */
    static List<CaseSummary> summaries(Connection c, String runId, SummaryPack.Writer pack) throws SQLException, StoreException {
        List<CaseSummary> rows = new ArrayList<>();
        RepeatedValues repeated = new RepeatedValues();
        CodedTextColumns.Sample sample = new CodedTextColumns.Sample();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + SUMMARY_COLUMNS + " FROM cases WHERE run_id = ? ORDER BY seq LIMIT ?")) {
            ps.setString(1, runId);
            ps.setInt(2, CodedTextColumns.SAMPLE_ROWS);
            try (ResultSet rs = ps.executeQuery()) {
                SummaryRow row = SummaryRow.of(rs, sample);
                while (rs.next()) {
                    rows.add(summary(pack == null ? row : pack.add(row), runId, repeated));
                }
            }
        }
        if (rows.size() < CodedTextColumns.SAMPLE_ROWS) return rows;
        CodedTextColumns coded = sample.codes();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SUMMARY_COLUMNS + ", " + coded.codeColumns()
                + " FROM cases WHERE run_id = ? ORDER BY seq LIMIT -1 OFFSET ?")) {
            int next = coded.bind(ps);
            ps.setString(next, runId);
            ps.setInt(next + 1, rows.size());
            try (ResultSet rs = ps.executeQuery()) {
                SummaryRow row = SummaryRow.of(rs, coded);
                while (rs.next()) {
                    coded.nextRow(rs, SUMMARY_COLUMN_COUNT);
                    rows.add(summary(pack == null ? row : pack.add(row), runId, repeated));
                }
            }
        }
        return rows;
    }

    /** Every summary of a run's pack, in stored order: the same summaries the rows give. */
    static List<CaseSummary> summaries(SummaryPack.Reader pack, String runId) throws SQLException, StoreException {
        List<CaseSummary> rows = new ArrayList<>();
        RepeatedValues repeated = new RepeatedValues();
        while (pack.next()) rows.add(summary(pack, runId, repeated));
        return rows;
    }

    /** A page of {@link #summaries}: at most {@code limit} rows from position {@code offset} of stored order. */
    static List<CaseSummary> summaries(Connection c, String runId, int offset, int limit) throws SQLException, StoreException {
        List<CaseSummary> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + SUMMARY_COLUMNS + " FROM cases WHERE run_id = ? ORDER BY seq LIMIT ? OFFSET ?")) {
            ps.setString(1, runId);
            ps.setInt(2, limit);
            ps.setInt(3, offset);
            RepeatedValues repeated = new RepeatedValues();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(summary(SummaryRow.of(rs, TextColumns.AS_STORED), runId, repeated));
                }
            }
        }
        return rows;
    }

    /**
     * One case in full, by key; {@code texts} and {@code versions} cache shared texts and parsed version tuples
     * by hash across calls (the caller's maps; thread-safe ones when calls run at once).
     */
    static Optional<CaseRecord> find(Connection c, String runId, CaseKey key, Map<String, String> texts,
                                     Map<String, VersionTuple> versions) throws SQLException, StoreException {
        try (PreparedStatement ps = c.prepareStatement(FIND)) {
            return find(ps, c, runId, key, texts, versions);
        }
    }

    /** As {@link #find(Connection, String, CaseKey, Map, Map)} with a statement of {@link #FIND} kept by the caller. */
    static Optional<CaseRecord> find(PreparedStatement ps, Connection c, String runId, CaseKey key, Map<String, String> texts,
                                     Map<String, VersionTuple> versions) throws SQLException, StoreException {
        bindKey(ps, runId, key);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(record(c, rs, runId, texts, versions)) : Optional.empty();
        }
    }

    /** One case in full by its key; parameters as {@link #bindKey} binds them. */
    static final String FIND = "SELECT " + RECORD_COLUMNS + " FROM cases WHERE run_id = ? "
            + "AND suite = ? AND case_id = ? AND prompt_id = ? AND route = ? AND sample = ?";

    /** In stored order, in full. */
    static List<CaseRecord> list(Connection c, String runId, boolean summaryPacks) throws SQLException, StoreException {
        List<CaseRecord> records = new ArrayList<>();
        forEach(c, runId, records::add, summaryPacks);
        return List.copyOf(records);
    }

    /**
     * As {@link #list}, each record handed to {@code each} as it is read instead of kept. A run with a
     * {@link SummaryPack} made from exactly the rows it holds (checked in this read's transaction, which sees the rows
     * as they were when it began) takes each row's summary columns from the pack, in the same stored order, instead of
     * by a JDBC call per column: a report reads every record, and those calls were about an eighth of its reading. Where the
     * pack proves damaged part way, the rest of the rows give their own columns, as every row does without a pack.
     *
     * @param summaryPacks whether the history has summary packs (a schema-5 history read as it is has none)
     */
    static void forEach(Connection c, String runId, dev.evalbench.core.store.RunStore.CaseVisitor each, boolean summaryPacks)
            throws SQLException, StoreException {
        Map<String, String> texts = new HashMap<>();
        Map<String, VersionTuple> versions = new HashMap<>();
        SummaryPack.Reader pack = summaryPacks ? packOf(c, runId) : null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + RECORD_COLUMNS + " FROM cases WHERE run_id = ? ORDER BY seq")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SummaryRow summary = null;
                    if (pack != null) {
                        try {
                            // The counts match (SummaryPacks.find), so a pack that ends before the rows is damaged.
                            if (!pack.next()) throw new SummaryPack.Damaged("fewer rows than the run holds");
                            summary = pack;
                        } catch (SummaryPack.Damaged damaged) {
                            pack = null;
                        }
                    }
                    if (summary == null) summary = SummaryRow.of(rs, TextColumns.AS_STORED);
                    each.accept(record(c, rs, summary, runId, texts, versions));
                }
            }
        }
    }

    /**
     * The run's pack, positioned before its first row; null when it has none that matches its rows, or one whose
     * bytes do not inflate whole (checked before any row is handed out).
     */
    private static SummaryPack.Reader packOf(Connection c, String runId) throws SQLException {
        byte[] packed = SummaryPacks.find(c, runId);
        if (packed == null || !SummaryPack.inflatesWhole(packed)) return null;
        try {
            return new SummaryPack.Reader(packed);
        } catch (SummaryPack.Damaged damaged) {
            return null;
        }
    }

    static Set<CaseKey> keys(Connection c, String runId) throws SQLException {
        Set<CaseKey> keys = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT suite, case_id, prompt_id, route, sample FROM cases WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new CaseKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5)));
                }
            }
        }
        return Set.copyOf(keys);
    }

    /** One row's summary; {@code repeated} keeps one copy of what repeats from row to row of this read. */
    /**
     * One row's summary; {@code repeated} keeps one copy of what repeats from row to row of this read, and
     * {@code t} gives the row's columns (by their position among {@link #SUMMARY_COLUMNS}), from SQLite or a pack.
     */
    private static CaseSummary summary(SummaryRow t, String runId, RepeatedValues repeated)
            throws SQLException, StoreException {
        CaseKey key = new CaseKey(repeated.name(t.text(1)), t.text(2), repeated.name(t.text(3)),
                repeated.name(t.text(4)), t.integer(5));
        // Named only when a column is damaged: 100,000 rows would otherwise format 100,000 unused sentences.
        java.util.function.Supplier<String> what = () -> "case " + key + " of run " + runId;
        JsonNode expected = repeated.json(t.text(24), what);
        return new CaseSummary(key, t.text(6), t.integer(7) != 0, t.integer(8) != 0, repeated.name(t.text(9)),
                t.integer(10) != 0, repeated.name(t.text(11)), repeated.strings(t.text(12), what), t.integer(13) != 0,
                repeated.name(t.text(14)), repeated.name(t.text(15)), t.int64(16), t.integer(17), t.integer(18),
                t.real(19), t.integer(20), t.integer(21), t.integer(22) != 0, repeated.strings(t.text(23), what),
                expected instanceof ObjectNode o ? o : null, repeated.json(t.text(25), what), t.text(26),
                repeated.name(t.text(27)), repeated.strings(t.text(28), what),
                repeated.strings(t.text(29), what), t.integer(30) != 0, judgements(t.text(31), what),
                t.nullableInt64(32));
    }

    static CaseRecord record(Connection c, ResultSet rs, String runId, Map<String, String> texts,
                             Map<String, VersionTuple> versions) throws SQLException, StoreException {
        return record(c, rs, SummaryRow.of(rs, TextColumns.AS_STORED), runId, texts, versions);
    }

    /** As {@link #record(Connection, ResultSet, String, Map, Map)}, with the row's summary columns from {@code summary}. */
    private static CaseRecord record(Connection c, ResultSet rs, SummaryRow summary, String runId, Map<String, String> texts,
                                     Map<String, VersionTuple> versions) throws SQLException, StoreException {
        // A full record's trees are its own (a reader may keep one and not the others): nothing shared.
        CaseSummary s = summary(summary, runId, new RepeatedValues());
        String startedAt = rs.getString(33);
        return CaseDetail.read(c, runId, s, startedAt == null ? null : Timestamps.parse(startedAt), rs.getString(34),
                rs.getBytes(35), texts, versions, "case #" + rs.getLong(36) + " of run " + runId);
    }

    private static void bindKey(PreparedStatement ps, String runId, CaseKey key) throws SQLException {
        ps.setString(1, runId);
        ps.setString(2, key.suite());
        ps.setString(3, key.caseId());
        ps.setString(4, key.promptId());
        ps.setString(5, key.route());
        ps.setInt(6, key.sample());
    }

    private static String jsonOrNull(Object value, CaseRecord r) throws StoreException {
        return value == null ? null : StoredJson.write(value, "case " + r.key() + " of run " + r.runId());
    }

    private static List<JudgeVerdict> judgements(String text, java.util.function.Supplier<String> what) throws StoreException {
        if (text == null) return List.of();
        try {
            return List.of(Json.MAPPER.readValue(text, JudgeVerdict[].class));
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot read " + what.get() + ": its stored judge verdicts are damaged: " + e.getOriginalMessage(), e);
        }
    }
}
