package dev.evalbench.core.store.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@value CaseRows#SUMMARY_COLUMN_COUNT} summary columns of one case row ({@link CaseRows#SUMMARY_COLUMNS}),
 * by 1-based position, exactly as stored: read from SQLite ({@link #of}) or from a run's summary pack
 * ({@link SummaryPack}). A case summary is built from either by the same code ({@code CaseRows.summary}), so
 * the two sources cannot give different summaries. Each accessor reads the current row; not thread-safe.
 */
interface SummaryRow {
    /** A text column; null for SQL NULL. */
    String text(int column) throws SQLException;

    /** A column read as {@link ResultSet#getInt} reads it. */
    int integer(int column) throws SQLException;

    /** A column read as {@link ResultSet#getLong} reads it. */
    long int64(int column) throws SQLException;

    /** A column read as {@link ResultSet#getDouble} reads it. */
    double real(int column) throws SQLException;

    /** A 64-bit integer column that may be NULL (null then). */
    Long nullableInt64(int column) throws SQLException;

    /** The current row of {@code rs}, its texts and small integers through {@code texts}. */
    static SummaryRow of(ResultSet rs, TextColumns texts) {
        return new SummaryRow() {
            @Override
            public String text(int column) throws SQLException {
                return texts.get(rs, column);
            }

            @Override
            public int integer(int column) throws SQLException {
                return texts.integer(rs, column);
            }

            @Override
            public long int64(int column) throws SQLException {
                return rs.getLong(column);
            }

            @Override
            public double real(int column) throws SQLException {
                return rs.getDouble(column);
            }

            @Override
            public Long nullableInt64(int column) throws SQLException {
                long value = rs.getLong(column);
                return rs.wasNull() ? null : value;
            }
        };
    }
}
