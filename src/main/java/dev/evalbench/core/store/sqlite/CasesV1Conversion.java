package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The Java half of migration 2: every case of schema 1 ({@code cases_v1}, one JSON document a row) rewritten as
 * a compact row with its detail and shared texts, in the same order, then the old table dropped. Runs inside
 * the migration's transaction, so a history is either fully converted or left at schema 1. Streams the rows,
 * so memory does not grow with the history.
 */
final class CasesV1Conversion {
    private CasesV1Conversion() {}

    static Void convert(Connection c) throws SQLException, StoreException {
        Map<String, Boolean> known = new HashMap<>();
        try (PreparedStatement read = c.prepareStatement("SELECT run_id, seq, record_json FROM cases_v1 ORDER BY run_id, seq");
                ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                String what = "case #" + rs.getLong(2) + " of run " + rs.getString(1);
                CaseRecord record = StoredJson.read(rs.getString(3), CaseRecord.class, what);
                CaseRows.insert(c, record, rs.getLong(2), known, false);
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE cases_v1");
        }
        return null;
    }
}
