package dev.evalbench.core.store.sqlite;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads for a results table and a detail pane: every case's {@link CaseSummary} without parsing the big texts
 * in Java (SQLite's JSON1 picks out the few fields a summary needs from the stored record), and one case in
 * full by its key (through the table's unique key index, not a scan of the run). The stored JSON stays the
 * source of truth; this is only a cheaper way to read parts of it.
 */
final class SummaryRows {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final String SUMMARY_COLUMNS = "suite, case_id, prompt_id, route, sample, "
            + "json_extract(record_json, '$.trace_id'), passed, schema_valid, failure_kind, "
            + "json_extract(record_json, '$.decision.accepted'), json_extract(record_json, '$.decision.final_action'), "
            + "json_extract(record_json, '$.evaluation.failures'), json_extract(record_json, '$.blocking'), "
            + "route_used, model_used, latency_ms, tokens_in, tokens_out, cost_usd, "
            + "json_array_length(record_json, '$.attempts'), json_array_length(record_json, '$.fallbacks'), "
            + "json_extract(record_json, '$.cache_hit'), json_extract(record_json, '$.tags')";

    private SummaryRows() {}

    /** In stored order. */
    static List<CaseSummary> list(Connection c, String runId) throws SQLException, StoreException {
        List<CaseSummary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + SUMMARY_COLUMNS + " FROM cases WHERE run_id = ? ORDER BY seq")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(summary(rs, runId));
            }
        }
        return List.copyOf(out);
    }

    /** At most {@code limit} from position {@code offset} of stored order. */
    static List<CaseSummary> page(Connection c, String runId, int offset, int limit) throws SQLException, StoreException {
        List<CaseSummary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + SUMMARY_COLUMNS + " FROM cases WHERE run_id = ? ORDER BY seq LIMIT ? OFFSET ?")) {
            ps.setString(1, runId);
            ps.setInt(2, Math.max(0, limit));
            ps.setInt(3, Math.max(0, offset));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(summary(rs, runId));
            }
        }
        return List.copyOf(out);
    }

    static Optional<CaseRecord> find(Connection c, String runId, CaseKey key) throws SQLException, StoreException {
        try (PreparedStatement ps = c.prepareStatement("SELECT record_json FROM cases WHERE run_id = ? AND suite = ? "
                + "AND case_id = ? AND prompt_id = ? AND route = ? AND sample = ?")) {
            ps.setString(1, runId);
            ps.setString(2, key.suite());
            ps.setString(3, key.caseId());
            ps.setString(4, key.promptId());
            ps.setString(5, key.route());
            ps.setInt(6, key.sample());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(StoredJson.read(rs.getString(1), CaseRecord.class, "case " + key + " of run " + runId));
            }
        }
    }

    private static CaseSummary summary(ResultSet rs, String runId) throws SQLException, StoreException {
        CaseKey key = new CaseKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5));
        String what = "case " + key + " of run " + runId;
        return new CaseSummary(key, rs.getString(6), rs.getInt(7) != 0, rs.getInt(8) != 0, rs.getString(9),
                rs.getInt(10) != 0, rs.getString(11), strings(rs.getString(12), what), rs.getInt(13) != 0,
                rs.getString(14), rs.getString(15), rs.getLong(16), rs.getInt(17), rs.getInt(18), rs.getDouble(19),
                rs.getInt(20), rs.getInt(21), rs.getInt(22) != 0, strings(rs.getString(23), what));
    }

    /** A JSON array of strings; SQL NULL (absent in the record) reads as empty. */
    private static List<String> strings(String json, String what) throws StoreException {
        if (json == null) return List.of();
        try {
            return Json.MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot read " + what + ": a list of strings was expected: " + e.getOriginalMessage(), e);
        }
    }
}
