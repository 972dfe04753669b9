package dev.evalbench.core.store.sqlite;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A finished run's summary columns in one compressed value (the {@code summary_packs} table), so reading a large
 * run's summaries is one read of one row instead of a step and a dozen JDBC calls per case (for the two
 * 10,000-case runs of a comparison, about a third of {@code compare}'s time; docs/performance.md, round 29). The
 * pack holds the columns exactly as stored; the rows stay what the history is, and a pack that does not match them
 * is not used.
 *
 * <p>Format {@value #FORMAT}, deflated: the format byte; then each row as the byte 1 and its
 * {@value CaseRows#SUMMARY_COLUMN_COUNT} columns in order; then the byte 0 and the row count. A text is 0 (NULL),
 * 1 and its UTF-8 length and bytes (a text not seen before in the pack; it is then the next of the pack's texts),
 * or 2 + the index of a text seen before; an integer is zigzag-encoded as a variable-length integer; a real is its
 * 8 IEEE bytes; a nullable 64-bit integer is 0 (NULL) or 1 and its 8 bytes. Written and read as a stream, so
 * neither side holds the uncompressed pack: making the pack of a 100,000-case run at its end cost 45 MB of peak
 * memory when it was built whole.
 */
final class SummaryPack {
    static final int FORMAT = 2;

    private enum Kind { TEXT, INTEGER, INT64, REAL, NULLABLE_INT64 }

    /** The kind of each summary column, by 1-based position ({@link CaseRows#SUMMARY_COLUMNS}). */
    private static final Kind[] KINDS = new Kind[CaseRows.SUMMARY_COLUMN_COUNT + 1];
    /**
     * The text columns whose values do not repeat (the case id, the trace id): written whole each time and not
     * looked up, so the writer holds no map of 100,000 ids.
     */
    private static final boolean[] UNIQUE = new boolean[CaseRows.SUMMARY_COLUMN_COUNT + 1];
    /** How much uncompressed pack is gathered before it is compressed. */
    private static final int CHUNK = 64 * 1024;

    static {
        int[] integers = {5, 7, 8, 10, 13, 17, 18, 20, 21, 22, 30};
        for (int column = 1; column <= CaseRows.SUMMARY_COLUMN_COUNT; column++) KINDS[column] = Kind.TEXT;
        for (int column : integers) KINDS[column] = Kind.INTEGER;
        KINDS[16] = Kind.INT64;
        KINDS[19] = Kind.REAL;
        KINDS[32] = Kind.NULLABLE_INT64;
        UNIQUE[2] = true;
        UNIQUE[6] = true;
    }

    private SummaryPack() {}

    /** One row's values, as the pack's writer took them or its reader decoded them. */
    private abstract static class Row implements SummaryRow {
        final String[] text = new String[KINDS.length];
        final long[] number = new long[KINDS.length];
        final double[] real = new double[KINDS.length];
        final Long[] nullable = new Long[KINDS.length];

        @Override
        public String text(int column) {
            return text[column];
        }

        @Override
        public int integer(int column) {
            return (int) number[column];
        }

        @Override
        public long int64(int column) {
            return number[column];
        }

        @Override
        public double real(int column) {
            return real[column];
        }

        @Override
        public Long nullableInt64(int column) {
            return nullable[column];
        }
    }

    /** A pack that cannot be read as written: the rows are read instead. */
    static final class Damaged extends RuntimeException {
        Damaged(String message) {
            super(message);
        }
    }

    /**
     * Makes a pack from the rows a read goes through: {@link #add} takes each row's columns once and hands back
     * the same values, so the reader builds its summaries from what went into the pack. One read's rows, on its
     * thread; not thread-safe. Holds the compressed pack so far and the texts that repeat, nothing else.
     */
    static final class Writer extends Row {
        private final Map<String, Integer> index = new HashMap<>();
        private final PackBytes raw = new PackBytes(CHUNK + 4096);
        /** The compressed pack so far, in pieces: one array grown by doubling held up to twice the pack at its end. */
        private final List<byte[]> packed = new ArrayList<>();
        private int packedSize;
        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        private final byte[] chunk = new byte[CHUNK];
        private int count;
        /** How many texts the pack holds so far, repeated or not: the reader numbers them the same way. */
        private int texts;
        /** False once a text would not come back byte for byte (a lone surrogate); no pack is made then. */
        private boolean exact = true;

        Writer() {
            raw.write(FORMAT);
        }

        /** Reads {@code source}'s current row into the pack; the returned row gives its values until the next add. */
        SummaryRow add(SummaryRow source) throws SQLException {
            raw.write(1);
            for (int column = 1; column < KINDS.length; column++) {
                switch (KINDS[column]) {
                    case TEXT -> {
                        String value = source.text(column);
                        text[column] = value;
                        writeText(column, value);
                    }
                    case INTEGER -> {
                        number[column] = source.integer(column);
                        raw.varint(PackBytes.zigzag(number[column]));
                    }
                    case INT64 -> {
                        number[column] = source.int64(column);
                        raw.varint(PackBytes.zigzag(number[column]));
                    }
                    case REAL -> {
                        real[column] = source.real(column);
                        raw.fixed64(Double.doubleToRawLongBits(real[column]));
                    }
                    case NULLABLE_INT64 -> {
                        Long value = source.nullableInt64(column);
                        nullable[column] = value;
                        raw.write(value == null ? 0 : 1);
                        if (value != null) raw.fixed64(value);
                    }
                }
            }
            count++;
            if (raw.size() >= CHUNK) compress(false);
            return this;
        }

        /** The deflated pack of every row added, or null when a text could not be kept exactly. Once. */
        byte[] finish() {
            try {
                if (!exact) return null;
                raw.write(0);
                raw.varint(count);
                compress(true);
                byte[] whole = new byte[packedSize];
                int at = 0;
                for (byte[] piece : packed) {
                    System.arraycopy(piece, 0, whole, at, piece.length);
                    at += piece.length;
                }
                packed.clear();
                return whole;
            } finally {
                deflater.end();
            }
        }

        int rows() {
            return count;
        }

        private void writeText(int column, String value) {
            if (value == null) {
                raw.write(0);
                return;
            }
            Integer known = UNIQUE[column] ? null : index.get(value);
            if (known != null) {
                raw.varint(known + 2L);
                return;
            }
            if (exact && hasLoneSurrogate(value)) exact = false;
            if (!UNIQUE[column] && index.size() < RepeatedValues.LIMIT) index.put(value, texts);
            texts++;
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            raw.write(1);
            raw.varint(utf8.length);
            raw.write(utf8, 0, utf8.length);
        }

        private void compress(boolean last) {
            deflater.setInput(raw.array(), 0, raw.size());
            if (last) deflater.finish();
            while (last ? !deflater.finished() : !deflater.needsInput()) {
                int n = deflater.deflate(chunk);
                if (n > 0) packed.add(java.util.Arrays.copyOf(chunk, n));
                packedSize += n;
            }
            raw.reset();
        }
    }

    /**
     * Whether the pack's compressed bytes inflate whole, their checksum matching, with nothing after them. A reader
     * that hands out what it reads row by row (a run's full records, {@code CaseRows.forEach}) asks first: the
     * checksum is only checked at the end, and a bit flipped in the middle would otherwise have given rows from
     * changed bytes before the pack proved damaged. About a tenth of the pack's reading: inflating alone, no rows.
     */
    static boolean inflatesWhole(byte[] pack) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(pack);
            byte[] sink = new byte[CHUNK];
            while (!inflater.finished()) {
                if (inflater.inflate(sink) == 0 && (inflater.needsInput() || inflater.needsDictionary())) return false;
            }
            return inflater.getRemaining() == 0;
        } catch (DataFormatException e) {
            return false;
        } finally {
            inflater.end();
        }
    }

    /**
     * The rows of a pack, one at a time ({@link #next}), inflated as they are read; throws {@link Damaged} where the
     * bytes are not a pack. Ends the inflater when the last row has been read or the pack proved damaged; a reader
     * given up before either leaves it to the garbage collector.
     */
    static final class Reader extends Row {
        private final Inflater inflater = new Inflater();
        private final byte[] buffer = new byte[CHUNK];
        private int at;
        private int limit;
        private final List<String> texts = new ArrayList<>();
        private int read;
        private boolean ended;

        Reader(byte[] pack) {
            inflater.setInput(pack);
            if (u8() != FORMAT) throw damaged("not a summary pack of format " + FORMAT);
        }

        /** Moves to the next row; false after the last, when the pack must also have ended. */
        boolean next() {
            if (ended) return false;
            int marker = u8();
            if (marker == 0) {
                if (varint() != read) throw damaged("the row count does not match the rows");
                if (at != limit || refill() > 0 || !inflater.finished() || inflater.getRemaining() > 0) throw damaged("bytes left after the last row");
                ended = true;
                inflater.end();
                return false;
            }
            if (marker != 1) throw damaged("a row marker that is neither 0 nor 1");
            for (int column = 1; column < KINDS.length; column++) {
                switch (KINDS[column]) {
                    case TEXT -> text[column] = readText();
                    case INTEGER, INT64 -> number[column] = PackBytes.unzigzag(varint());
                    case REAL -> real[column] = Double.longBitsToDouble(fixed64());
                    case NULLABLE_INT64 -> {
                        int flag = u8();
                        if (flag > 1) throw damaged("a null flag that is neither 0 nor 1");
                        nullable[column] = flag == 0 ? null : fixed64();
                    }
                }
            }
            read++;
            return true;
        }

        private String readText() {
            long code = varint();
            if (code == 0) return null;
            if (code == 1) {
                long length = varint();
                if (length > Integer.MAX_VALUE - 8) throw damaged("a text longer than a text can be");
                byte[] utf8 = new byte[(int) length];
                for (int i = 0; i < utf8.length; ) {
                    if (at == limit && refill() == 0) throw damaged("the pack ends inside a text");
                    int n = Math.min(utf8.length - i, limit - at);
                    System.arraycopy(buffer, at, utf8, i, n);
                    at += n;
                    i += n;
                }
                String value = new String(utf8, StandardCharsets.UTF_8);
                texts.add(value);
                return value;
            }
            if (code - 2 >= texts.size()) throw damaged("a text index out of range");
            return texts.get((int) (code - 2));
        }

        private int u8() {
            if (at == limit && refill() == 0) throw damaged("the pack ends inside a row");
            return buffer[at++] & 0xff;
        }

        /** Inflates the next bytes into the buffer; how many (0 at the end of the compressed bytes). */
        private int refill() {
            try {
                int n = 0;
                while (n == 0 && !inflater.finished()) {
                    n = inflater.inflate(buffer);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw damaged("the pack's compressed bytes end early");
                    }
                }
                at = 0;
                limit = n;
                return n;
            } catch (DataFormatException e) {
                throw damaged("the pack's compressed bytes are damaged: " + e.getMessage());
            }
        }

        private long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = u8();
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) return value;
            }
            throw damaged("a variable-length integer longer than 64 bits");
        }

        private long fixed64() {
            long value = 0;
            for (int i = 0; i < 8; i++) value = (value << 8) | u8();
            return value;
        }

        private Damaged damaged(String why) {
            ended = true;
            inflater.end();
            return new Damaged(why);
        }
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                return true;
            }
        }
        return false;
    }
}
