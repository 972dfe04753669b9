package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.record.OutputFingerprint;
import dev.evalbench.core.record.VersionTuple;
import dev.evalbench.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java half of migration 5: every case stored before it gets its output fingerprint, read from its record
 * once. Runs inside the migration's transaction (all rows get one, or the history stays at schema 3), one run
 * at a time, so memory holds one run's fingerprints, not its records. A history of 20,000 cases takes a few
 * seconds, once.
 */
final class FingerprintBackfill {
    private FingerprintBackfill() {}

    private record Filled(long seq, long fingerprint) {}

    static Void fill(Connection c) throws SQLException, StoreException {
        List<String> runs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT run_id FROM cases WHERE output_fp IS NULL");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) runs.add(rs.getString(1));
        }
        Map<String, String> texts = new HashMap<>();
        Map<String, VersionTuple> versions = new HashMap<>();
        for (String runId : runs) {
            List<Filled> filled = new ArrayList<>();
            // Read all of the run first: SQLite leaves undefined what a cursor sees of rows updated under it.
            try (PreparedStatement ps = c.prepareStatement("SELECT " + CaseRows.RECORD_COLUMNS
                    + " FROM cases WHERE run_id = ? AND output_fp IS NULL")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        filled.add(new Filled(rs.getLong(36), OutputFingerprint.of(CaseRows.record(c, rs, runId, texts, versions))));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE cases SET output_fp = ? WHERE run_id = ? AND seq = ?")) {
                for (Filled f : filled) {
                    ps.setLong(1, f.fingerprint());
                    ps.setString(2, runId);
                    ps.setLong(3, f.seq());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return null;
    }
}
