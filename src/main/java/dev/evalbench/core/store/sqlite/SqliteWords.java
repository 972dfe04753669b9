package dev.evalbench.core.store.sqlite;

import java.sql.SQLException;
import org.sqlite.SQLiteException;

/**
 * What a SQLite failure means for the history file, in words a user can act on, for the messages that name the file.
 * SQLite's own text ("[SQLITE_NOTADB] File opened that is not a database file (file is not a database)") says it
 * twice and names no remedy; the code it carries (kept in brackets at the end, for a search) decides the words.
 * A failure without a code Evalbench has words for keeps SQLite's text as it is.
 */
final class SqliteWords {
    private SqliteWords() {}

    /**
     * {@code context}: the failure in these words, marked {@link StoreException#isUnusableFile()} when SQLite says the
     * file is no database or a damaged one. For opening a history, where that means the file named is the trouble.
     */
    static dev.evalbench.core.store.StoreException opening(String context, SQLException e) {
        String message = context + ": " + of(e);
        if (e instanceof SQLiteException sqlite) {
            String code = sqlite.getResultCode().name();
            if (code.equals("SQLITE_NOTADB") || code.startsWith("SQLITE_CORRUPT")) {
                return dev.evalbench.core.store.StoreException.unusableFile(message, e);
            }
        }
        return new dev.evalbench.core.store.StoreException(message, e);
    }

    static String of(SQLException e) {
        if (!(e instanceof SQLiteException sqlite)) return e.getMessage();
        String code = sqlite.getResultCode().name();
        String words = code.equals("SQLITE_NOTADB")
                ? "not a run history: the file is not a SQLite database (move it aside)"
                : code.startsWith("SQLITE_CORRUPT")
                ? "the history file is damaged: restore it from a backup, or let `sqlite3 FILE .recover` copy what is"
                        + " still readable into a new file"
                : code.equals("SQLITE_FULL") ? "the disk is full"
                : code.startsWith("SQLITE_READONLY") ? "the file or its folder cannot be written"
                : code.startsWith("SQLITE_CANTOPEN") ? "the file cannot be opened (a folder of that name, or no permission)"
                : code.startsWith("SQLITE_IOERR") ? "the disk failed to read or write the file"
                : null;
        return words == null ? e.getMessage() : words + " [" + code + "]";
    }
}
