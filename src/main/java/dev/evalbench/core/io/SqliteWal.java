package dev.evalbench.core.io;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Puts a SQLite file in WAL mode, waiting for other connections as a busy timeout would. The mode is stored in
 * the file, so once one connection has switched it the pragma has nothing to do. Leaving the rollback journal
 * (a new file, or one an older Evalbench made) needs the file to itself, and SQLite answers SQLITE_BUSY at
 * once, without calling its busy handler, when another connection holds a lock on it: two runs opening a new
 * history or an old cache together failed that way, about once in fifty. Stateless.
 */
public final class SqliteWal {
    private static final long RETRY_MS = 5;

    private SqliteWal() {}

    /**
     * Switches the connection's file to WAL, trying again every few milliseconds while another connection holds
     * it, for up to {@code timeoutMs}.
     *
     * @throws SQLException when the file is still held after the timeout (SQLITE_BUSY), on any other SQLite
     *     error, or when the waiting thread is interrupted
     */
    public static void enter(Connection connection, long timeoutMs) throws SQLException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                return;
            } catch (SQLiteException e) {
                if (e.getResultCode() != SQLiteErrorCode.SQLITE_BUSY || System.nanoTime() > deadline) throw e;
            }
            try {
                Thread.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for another connection to release the file", e);
            }
        }
    }
}
