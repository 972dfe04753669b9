package dev.evalbench.core.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Raw SQL on a history file, for tests that look under the store or tamper with it. */
final class Sql {
    private Sql() {}

    static Connection connect(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
    }

    static long count(Path db, String query) throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Path db, String query) throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void execute(Path db, String sql) throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The history as schema {@code version} (5 or 4) left it: what later migrations added, taken out again. */
    static void downgrade(Path db, int version) throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            for (String trigger : List.of("insert", "update", "delete")) {
                st.execute("DROP TRIGGER summary_pack_stale_on_" + trigger);
            }
            st.execute("DROP TABLE summary_packs");
            st.execute("DROP TABLE summary_pack_epoch");
            if (version < 5) st.execute("ALTER TABLE cases DROP COLUMN output_fp");
            st.execute("DELETE FROM schema_version WHERE version > " + version);
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }
}
