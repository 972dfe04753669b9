package dev.evalbench.core.store.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where the text and small integer columns of a case summary row come from, by their position among
 * {@link CaseRows#SUMMARY_COLUMNS}: the row as stored, or codes standing for values that repeat
 * ({@link CodedTextColumns}). Either gives exactly the value stored.
 */
interface TextColumns {
    /** Each text as the row holds it. */
    TextColumns AS_STORED = ResultSet::getString;

    /** The text of column {@code column} (1-based among the summary columns) of the current row; null for SQL NULL. */
    String get(ResultSet rs, int column) throws SQLException;

    /** The integer of column {@code column} of the current row, as {@link ResultSet#getInt} reads it. */
    default int integer(ResultSet rs, int column) throws SQLException {
        return rs.getInt(column);
    }
}
