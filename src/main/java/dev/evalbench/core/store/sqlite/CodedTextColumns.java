package dev.evalbench.core.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text columns of case summary rows sent as small codes for the values that repeat. Reading one text
 * column of one row through sqlite-jdbc costs about as much as SQLite takes to find the row, and a summary
 * has sixteen text columns that in most runs take a few dozen values over 100,000 cases (suite, route and
 * model names, expected values, tags). So the first {@value #SAMPLE_ROWS} rows of a run are read as stored
 * ({@link Sample}), the values seen more than once there become a dictionary, and the query for the rest
 * computes, inside SQLite, each such column's code (1 for NULL, 2 and up for a dictionary value, 0 for any
 * other value) and packs them into two integers: two reads a row instead of sixteen; the flags and small
 * counts are packed likewise into a third. A value the dictionary lacks is read as stored, so the texts are exactly the stored ones; comparisons are SQLite's {@code =} on
 * text (the columns' BINARY collation, byte for byte).
 *
 * <p>One instance per read, on the reading thread; not thread-safe.
 */
final class CodedTextColumns implements TextColumns {
    /** How many rows are read as stored to learn which values repeat. */
    static final int SAMPLE_ROWS = 256;
    /** The coded columns (positions among the summary columns): every text column but the case and trace ids. */
    private static final int[] CODED = {1, 3, 4, 9, 11, 12, 14, 15, 23, 24, 25, 26, 27, 28, 29, 31};
    private static final int BITS = 7;
    private static final int PER_WORD = 9; // 63 bits: the packed integer stays positive
    private static final int MASK = (1 << BITS) - 1;
    /** Codes 0 (not in the dictionary) and 1 (NULL) are taken. */
    private static final int MAX_VALUES = MASK - 1;
    private static final String[] NAMES = CaseRows.SUMMARY_COLUMNS.split(", ");
    private static final int[] SLOT = new int[NAMES.length + 1];

    static {
        Arrays.fill(SLOT, -1);
        for (int slot = 0; slot < CODED.length; slot++) SLOT[CODED[slot]] = slot;
    }

    /**
     * The integer columns sent packed, each in {@link #INT_BITS} bits: flags (0 or 1) and small counts (the
     * sample, attempts, fallbacks). A value that is not an integer in 0..{@value #INT_MAX} packs as 0 and is read as stored.
     */
    private static final int[] PACKED_INTS = {5, 7, 8, 10, 13, 20, 21, 22, 30};
    private static final int INT_BITS = 7;
    private static final int INT_MAX = (1 << INT_BITS) - 2;
    private static final int[] INT_SLOT = new int[NAMES.length + 1];

    static {
        Arrays.fill(INT_SLOT, -1);
        for (int slot = 0; slot < PACKED_INTS.length; slot++) INT_SLOT[PACKED_INTS[slot]] = slot;
    }

    private final String[][] values;
    private final long[] words = new long[(CODED.length + PER_WORD - 1) / PER_WORD];
    private long ints;

    private CodedTextColumns(String[][] values) {
        this.values = values;
    }

    /** The select-list expressions that compute the packed codes, after the summary columns. */
    String codeColumns() {
        List<String> columns = new ArrayList<>();
        for (int word = 0; word < words.length; word++) {
            List<String> parts = new ArrayList<>();
            for (int slot = word * PER_WORD; slot < Math.min(CODED.length, (word + 1) * PER_WORD); slot++) {
                String name = NAMES[CODED[slot] - 1];
                StringBuilder code = new StringBuilder("(CASE WHEN ").append(name).append(" IS NULL THEN 1");
                for (int i = 0; i < values[slot].length; i++) code.append(" WHEN ").append(name).append(" = ? THEN ").append(i + 2);
                code.append(" ELSE 0 END)");
                parts.add("(" + code + " << " + BITS * (slot % PER_WORD) + ")");
            }
            columns.add("(" + String.join(" + ", parts) + ")");
        }
        List<String> ints = new ArrayList<>();
        for (int slot = 0; slot < PACKED_INTS.length; slot++) {
            String name = NAMES[PACKED_INTS[slot] - 1];
            ints.add("((CASE WHEN typeof(" + name + ") = 'integer' AND " + name + " BETWEEN 0 AND " + INT_MAX
                    + " THEN " + name + " + 1 ELSE 0 END) << " + INT_BITS * slot + ")");
        }
        columns.add("(" + String.join(" + ", ints) + ")");
        return String.join(", ", columns);
    }

    /** Binds the dictionary values, in the order {@link #codeColumns} names them; returns the next parameter index. */
    int bind(PreparedStatement ps) throws SQLException {
        int index = 1;
        for (String[] dictionary : values) {
            for (String value : dictionary) ps.setString(index++, value);
        }
        return index;
    }

    /** Reads the current row's packed codes, which follow its {@code columnsBefore} summary columns. */
    void nextRow(ResultSet rs, int columnsBefore) throws SQLException {
        for (int word = 0; word < words.length; word++) words[word] = rs.getLong(columnsBefore + 1 + word);
        ints = rs.getLong(columnsBefore + 1 + words.length);
    }

    @Override
    public int integer(ResultSet rs, int column) throws SQLException {
        int slot = INT_SLOT[column];
        if (slot < 0) return rs.getInt(column);
        int code = (int) (ints >>> (INT_BITS * slot)) & ((1 << INT_BITS) - 1);
        return code == 0 ? rs.getInt(column) : code - 1;
    }

    @Override
    public String get(ResultSet rs, int column) throws SQLException {
        int slot = SLOT[column];
        if (slot < 0) return rs.getString(column);
        int code = (int) (words[slot / PER_WORD] >>> (BITS * (slot % PER_WORD))) & MASK;
        if (code == 0) return rs.getString(column);
        return code == 1 ? null : values[slot][code - 2];
    }

    /** The first rows, read as stored, counting how often each value of a coded column appears. */
    static final class Sample implements TextColumns {
        private final List<Map<String, Integer>> counts = new ArrayList<>();

        Sample() {
            for (int slot = 0; slot < CODED.length; slot++) counts.add(new LinkedHashMap<>());
        }

        @Override
        public String get(ResultSet rs, int column) throws SQLException {
            String value = rs.getString(column);
            int slot = SLOT[column];
            if (slot >= 0 && value != null) counts.get(slot).merge(value, 1, Integer::sum);
            return value;
        }

        /** Codes for the values seen more than once, most frequent first (ties in the order first seen). */
        CodedTextColumns codes() {
            String[][] values = new String[CODED.length][];
            for (int slot = 0; slot < CODED.length; slot++) {
                List<Map.Entry<String, Integer>> repeated = new ArrayList<>();
                for (Map.Entry<String, Integer> e : counts.get(slot).entrySet()) if (e.getValue() > 1) repeated.add(e);
                repeated.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
                values[slot] = repeated.stream().limit(MAX_VALUES).map(Map.Entry::getKey).toArray(String[]::new);
            }
            return new CodedTextColumns(values);
        }
    }
}
