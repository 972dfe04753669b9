package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.record.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@code summary_packs} table (schema 6): one {@link SummaryPack} per finished run, with the count and last
 * sequence number of the rows it was made from. Triggers drop a run's pack whenever one of its rows is stored,
 * rewritten or removed (V6__summary_packs.sql); the count and sequence number are checked as well, so a pack
 * never stands for rows it was not made from. Called on a connection already inside a transaction.
 */
final class SummaryPacks {
    private SummaryPacks() {}

    /**
     * The rows a run holds now: how many, and the last sequence number (-1 for none); and how many rows of any
     * run were ever rewritten in place ({@code summary_pack_epoch}).
     */
    record Extent(int cases, long lastSeq, long rewrites) {}

    static Extent extent(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MAX(seq), "
                + "(SELECT rewrites FROM summary_pack_epoch WHERE id = 0) FROM cases WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int cases = rs.getInt(1);
                long last = rs.getLong(2);
                boolean none = rs.wasNull();
                return new Extent(cases, none ? -1 : last, rs.getLong(3));
            }
        }
    }

    /** The run's pack when one was made from exactly the rows it holds now; null otherwise. */
    static byte[] find(Connection c, String runId) throws SQLException {
        byte[] pack;
        Extent made;
        try (PreparedStatement ps = c.prepareStatement("SELECT cases, last_seq, pack FROM summary_packs WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                made = new Extent(rs.getInt(1), rs.getLong(2), 0);
                pack = rs.getBytes(3);
            }
        }
        Extent now = extent(c, runId);
        return made.cases() == now.cases() && made.lastSeq() == now.lastSeq() ? pack : null;
    }

    /** Whether a pack made now would last: the run finished complete (a running or incomplete one gets more rows). */
    static boolean worthMaking(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM runs WHERE id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && RunStatus.COMPLETE.name().equals(rs.getString(1));
            }
        }
    }

    /**
     * Keeps {@code pack}, made from rows read when the history had {@code extent}, unless since then the run's rows
     * were added to or removed, a row was rewritten, or the run is no longer complete.
     */
    static void put(Connection c, String runId, Extent extent, byte[] pack) throws SQLException {
        if (!worthMaking(c, runId) || !extent.equals(extent(c, runId))) return;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO summary_packs (run_id, cases, last_seq, pack) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, runId);
            ps.setInt(2, extent.cases());
            ps.setLong(3, extent.lastSeq());
            ps.setBytes(4, pack);
            ps.executeUpdate();
        }
    }
}
