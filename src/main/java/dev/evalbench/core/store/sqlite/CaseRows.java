package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code cases} table. The whole record is kept as JSON (the source of truth when reading back); the key,
 * verdict and cost columns beside it are copies for queries across runs. {@code seq} keeps stored order.
 * Called on a connection already inside a transaction.
 */
final class CaseRows {
    private CaseRows() {}

    static void insert(Connection c, CaseRecord r) throws SQLException, StoreException {
        CaseKey key = r.key();
        String json = StoredJson.write(r, "case " + key + " of run " + r.runId());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cases (run_id, seq, suite, case_id, prompt_id, "
                + "route, sample, passed, schema_valid, failure_kind, route_used, model_used, latency_ms, tokens_in, "
                + "tokens_out, cost_usd, record_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.runId());
            ps.setLong(2, nextSeq(c, "cases", r.runId()));
            ps.setString(3, key.suite());
            ps.setString(4, key.caseId());
            ps.setString(5, key.promptId());
            ps.setString(6, key.route());
            ps.setInt(7, key.sample());
            ps.setInt(8, r.passed() ? 1 : 0);
            ps.setInt(9, r.schemaValid() ? 1 : 0);
            ps.setString(10, r.failureKind());
            ps.setString(11, r.routeUsed());
            ps.setString(12, r.modelUsed());
            ps.setLong(13, r.latencyMs());
            ps.setInt(14, r.tokensIn());
            ps.setInt(15, r.tokensOut());
            ps.setDouble(16, r.costUsd());
            ps.setString(17, json);
            ps.executeUpdate();
        }
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

    static boolean exists(Connection c, String runId, CaseKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM cases WHERE run_id = ? AND suite = ? "
                + "AND case_id = ? AND prompt_id = ? AND route = ? AND sample = ?")) {
            ps.setString(1, runId);
            ps.setString(2, key.suite());
            ps.setString(3, key.caseId());
            ps.setString(4, key.promptId());
            ps.setString(5, key.route());
            ps.setInt(6, key.sample());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** In stored order. */
    static List<CaseRecord> list(Connection c, String runId) throws SQLException, StoreException {
        List<CaseRecord> records = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, record_json FROM cases WHERE run_id = ? ORDER BY seq")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(StoredJson.read(rs.getString(2), CaseRecord.class,
                            "case #" + rs.getLong(1) + " of run " + runId));
                }
            }
        }
        return List.copyOf(records);
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
}
