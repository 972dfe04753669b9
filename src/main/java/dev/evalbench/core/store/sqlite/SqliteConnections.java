package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.io.SqliteWal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * The one SQLite-specific place: how connections to a history file are opened. Everything else in this
 * package speaks portable SQL through plain JDBC.
 *
 * <p>WAL lets readers (this process or another) read while one connection writes. {@code synchronous=NORMAL}
 * in WAL mode survives a killed process (only a power loss can drop the last commits). The busy timeout
 * makes a second writer wait instead of failing at once. Foreign keys are off by default in SQLite.
 */
final class SqliteConnections {
    static final int BUSY_TIMEOUT_MS = 10_000;

    static {
        NativeLibraryCache.use();
    }

    private SqliteConnections() {}

    /**
     * The single writing connection. Its transactions begin IMMEDIATE, so a write takes the lock when it starts
     * rather than failing to upgrade a read lock halfway through when another process writes.
     */
    static Connection openWriter(Path dbFile) throws SQLException {
        SQLiteConfig config = common();
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection connection = config.createConnection(url(dbFile));
        try {
            // Not through the config: two processes creating one history together would see SQLITE_BUSY.
            SqliteWal.enter(connection, BUSY_TIMEOUT_MS);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** A reading connection; the writer has already put the file in WAL mode (the mode is stored in the file). */
    static Connection openReader(Path dbFile) throws SQLException {
        return common().createConnection(url(dbFile));
    }

    /**
     * A connection that can never write, for a history a command only reads. In a folder this process may
     * not write (a shared or archived history), SQLite could not create the WAL index beside the file, so
     * the file is opened {@code immutable}: safe there, because nobody can be writing it either. When a
     * {@code -wal} file was left behind by a killed writer, the file is read through it instead, so no
     * finished case is missed.
     */
    static Connection openReadOnly(Path dbFile) throws SQLException {
        Path folder = dbFile.toAbsolutePath().getParent();
        return openReadOnly(dbFile, folder == null || Files.isWritable(folder));
    }

    /** As {@link #openReadOnly(Path)}, told whether the folder is writable (tests run as root, who may write anywhere). */
    static Connection openReadOnly(Path dbFile, boolean folderWritable) throws SQLException {
        SQLiteConfig config = common();
        config.setReadOnly(true);
        Path file = dbFile.toAbsolutePath();
        boolean walLeft = Files.exists(Path.of(file + "-wal"));
        if (!folderWritable && !walLeft) {
            return config.createConnection("jdbc:sqlite:" + file.toUri() + "?immutable=1");
        }
        return config.createConnection(url(file));
    }

    /** Whether {@code e} says another connection holds the lock the statement needed (SQLITE_BUSY, any variant). */
    static boolean isBusy(SQLException e) {
        return e instanceof org.sqlite.SQLiteException sqlite && (sqlite.getResultCode().code & 0xff) == 5;
    }

    private static SQLiteConfig common() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        return config;
    }

    private static String url(Path dbFile) {
        return "jdbc:sqlite:" + dbFile.toAbsolutePath();
    }
}
