package dev.evalbench.core.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Prepared statements kept per connection for the reads a reader repeats thousands of times (one case at a
 * time, as a comparison reads each changed case): SQLite compiles a statement as it is prepared, and compiling
 * the 36-column case query was half of the native time of such a read. A statement is handed out only to the
 * thread that holds its connection (the {@link ReaderPool} lends a connection to one thread at a time); the
 * caller closes the result set, never the statement, which lives as long as its connection. Thread-safe.
 */
final class StatementCache {
    private final Map<Connection, Map<String, PreparedStatement>> byConnection =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** The connection's statement for {@code sql}, prepared on first use, its parameters cleared. */
    PreparedStatement get(Connection c, String sql) throws SQLException {
        Map<String, PreparedStatement> statements = byConnection.computeIfAbsent(c, k -> new HashMap<>());
        PreparedStatement ps = statements.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = c.prepareStatement(sql);
            statements.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        return ps;
    }
}
