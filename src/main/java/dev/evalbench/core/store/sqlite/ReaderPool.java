package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Reading connections, separate from the writer so a read never waits behind a write (WAL gives each read
 * transaction a consistent snapshot). A thread borrows an idle connection or opens one, so the pool grows to
 * the number of threads that ever read at once. Each read is one transaction: several queries that build one
 * answer (a run header with its inputs and tags) see the same state. Thread-safe.
 */
final class ReaderPool implements AutoCloseable {
    private final Path dbFile;
    private final String dbName;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final boolean readOnly;
    private volatile boolean closed;

    ReaderPool(Path dbFile, String dbName) {
        this(dbFile, dbName, false);
    }

    /** @param readOnly open every connection read-only (a store that never writes) */
    ReaderPool(Path dbFile, String dbName, boolean readOnly) {
        this.dbFile = dbFile;
        this.dbName = dbName;
        this.readOnly = readOnly;
    }

    /**
     * @param what what is being read, for the error message
     * @throws StoreException the work's own StoreException unchanged, or an SQL failure wrapped with {@code what}
     */
    <T> T read(String what, SqlWork<T> work) throws StoreException {
        if (closed) {
            throw new StoreException(dbName + ": cannot " + what + ": the store is closed");
        }
        Connection connection = null;
        try {
            connection = borrow();
            connection.setAutoCommit(false);
            T result = work.run(connection);
            connection.commit();
            connection.setAutoCommit(true);
            giveBack(connection);
            return result;
        } catch (SQLException e) {
            // A connection that failed mid-read is not trusted again: close it instead of pooling it.
            closeInto(connection, e);
            throw new StoreException(dbName + ": cannot " + what + ": " + SqliteWords.of(e), e);
        } catch (StoreException | RuntimeException e) {
            closeInto(connection, e);
            throw e;
        }
    }

    private Connection borrow() throws SQLException {
        Connection connection = idle.pollFirst();
        if (connection != null) {
            return connection;
        }
        return readOnly ? SqliteConnections.openReadOnly(dbFile) : SqliteConnections.openReader(dbFile);
    }

    private void giveBack(Connection connection) throws SQLException {
        idle.addFirst(connection);
        // close() may have drained the pool between our check and now: drain again so nothing leaks.
        if (closed) {
            drain();
        }
    }

    private static void closeInto(Connection connection, Exception failure) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void drain() throws SQLException {
        SQLException first = null;
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            try {
                c.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Closes idle connections; one still lent out is closed when its read returns it. Idempotent. */
    @Override
    public void close() throws StoreException {
        closed = true;
        try {
            drain();
        } catch (SQLException e) {
            throw new StoreException(dbName + ": cannot close reading connections: " + SqliteWords.of(e), e);
        }
    }
}
