package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store's one writing connection. Writers from any thread take turns on a lock, and each piece of work
 * is one transaction committed before {@link #inTransaction} returns: a process killed afterwards loses
 * nothing. Owns the connection and closes it. A null connection makes a writer that refuses every write
 * (a store opened read-only).
 */
final class SerializedWriter implements AutoCloseable {
    private final ReentrantLock lock = new ReentrantLock();
    private final Connection connection;
    private final String dbName;
    private boolean closed;

    SerializedWriter(Connection connection, String dbName) {
        this.connection = connection;
        this.dbName = dbName;
    }

    /**
     * Runs {@code work} in a transaction and commits it; on any failure rolls back and throws.
     *
     * @param what what is being written, for the error message ("append case ... to run ...")
     * @throws StoreException the work's own StoreException unchanged, or an SQL failure wrapped with {@code what}
     */
    <T> T inTransaction(String what, SqlWork<T> work) throws StoreException {
        lock.lock();
        try {
            if (closed) {
                throw new StoreException(dbName + ": cannot " + what + ": the store is closed");
            }
            if (connection == null) {
                throw new StoreException(dbName + ": cannot " + what + ": the history was opened read-only");
            }
            return commitOrRollBack(what, work);
        } finally {
            lock.unlock();
        }
    }

    /**
     * As {@link #inTransaction}, but only if the history can be written at once: when this store's writer is
     * busy, or another process holds the history's write lock, nothing is done and false is returned instead of
     * waiting (for a write that only saves later readers time, made by a reader that must not wait).
     *
     * @throws StoreException as {@link #inTransaction}, except that a busy history is not a failure
     */
    boolean tryInTransaction(String what, SqlWork<?> work) throws StoreException {
        if (connection == null || !lock.tryLock()) return false;
        try {
            if (closed) return false;
            setBusyTimeout(0);
            try {
                commitOrRollBack(what, work);
                return true;
            } catch (StoreException e) {
                if (e.getCause() instanceof SQLException sql && SqliteConnections.isBusy(sql)) return false;
                throw e;
            } finally {
                setBusyTimeout(SqliteConnections.BUSY_TIMEOUT_MS);
            }
        } finally {
            lock.unlock();
        }
    }

    private void setBusyTimeout(int ms) throws StoreException {
        try (java.sql.Statement st = connection.createStatement()) {
            st.execute("PRAGMA busy_timeout = " + ms);
        } catch (SQLException e) {
            throw new StoreException(dbName + ": cannot set the busy timeout: " + SqliteWords.of(e), e);
        }
    }

    /** False for the writer of a store opened read-only, which refuses every write. */
    boolean canWrite() {
        return connection != null;
    }

    /**
     * Runs {@code work} holding the writer's turn without opening a transaction; {@code work} may call
     * {@link #inTransaction} (the lock is reentrant). Lets a caller see what earlier turns did before writing.
     */
    <T> T inTurn(SqlWork<T> work) throws StoreException {
        lock.lock();
        try {
            return work.run(connection);
        } catch (java.sql.SQLException e) {
            throw new StoreException(dbName + ": " + SqliteWords.of(e), e);
        } finally {
            lock.unlock();
        }
    }

    private <T> T commitOrRollBack(String what, SqlWork<T> work) throws StoreException {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | StoreException | RuntimeException e) {
                rollbackInto(e);
                throw e;
            } finally {
                // Back to autocommit: sqlite-jdbc begins the next transaction right after a commit, and an
                // IMMEDIATE one left open would keep every other process from writing.
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(dbName + ": cannot " + what + ": " + SqliteWords.of(e), e);
        }
    }

    private void rollbackInto(Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Waits for a write in progress, then closes the connection. Idempotent. */
    @Override
    public void close() throws StoreException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            throw new StoreException(dbName + ": cannot close the history: " + SqliteWords.of(e), e);
        } finally {
            lock.unlock();
        }
    }
}
