package dev.evalbench.core.store.sqlite;

import java.io.ByteArrayOutputStream;
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
 * <p>Format 1, deflated: the format byte, the row count, the distinct texts (each its UTF-8 length and bytes),
 * then per row the {@value CaseRows#SUMMARY_COLUMN_COUNT} columns in order: a text as 0 (NULL) or its index + 1,
 * an integer zigzag-encoded as a variable-length integer, a real as its 8 IEEE bytes, a nullable 64-bit integer
 * as 0 (NULL) or 1 and its 8 bytes.
 */
final class SummaryPack {
    static final int FORMAT = 1;

    private enum Kind { TEXT, INTEGER, INT64, REAL, NULLABLE_INT64 }

    /** The kind of each summary column, by 1-based position ({@link CaseRows#SUMMARY_COLUMNS}). */
    private static final Kind[] KINDS = new Kind[CaseRows.SUMMARY_COLUMN_COUNT + 1];

    static {
        int[] integers = {5, 7, 8, 10, 13, 17, 18, 20, 21, 22, 30};
        for (int column = 1; column <= CaseRows.SUMMARY_COLUMN_COUNT; column++) KINDS[column] = Kind.TEXT;
        for (int column : integers) KINDS[column] = Kind.INTEGER;
        KINDS[16] = Kind.INT64;
        KINDS[19] = Kind.REAL;
        KINDS[32] = Kind.NULLABLE_INT64;
    }

    private SummaryPack() {}

    /** A pack that cannot be read as written: the rows are read instead. */
    static final class Damaged extends RuntimeException {
        Damaged(String message) {
            super(message);
        }
    }

    /**
     * Makes a pack from the rows a read goes through: {@link #add} takes each row's columns once and hands back
     * the same values, so the reader builds its summaries from what went into the pack. One read's rows, on its
     * thread; not thread-safe.
     */
    static final class Writer implements SummaryRow {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> texts = new ArrayList<>();
        private final Bytes rows = new Bytes();
        private final String[] text = new String[KINDS.length];
        private final long[] number = new long[KINDS.length];
        private final double[] real = new double[KINDS.length];
        private final Long[] nullable = new Long[KINDS.length];
        private int count;
        /** False once a text would not come back byte for byte (a lone surrogate); no pack is made then. */
        private boolean exact = true;

        /** Reads {@code source}'s current row into the pack; the returned row gives its values until the next add. */
        SummaryRow add(SummaryRow source) throws SQLException {
            for (int column = 1; column < KINDS.length; column++) {
                switch (KINDS[column]) {
                    case TEXT -> {
                        String value = source.text(column);
                        text[column] = value;
                        rows.varint(value == null ? 0 : indexOf(value) + 1L);
                    }
                    case INTEGER -> {
                        number[column] = source.integer(column);
                        rows.varint(zigzag(number[column]));
                    }
                    case INT64 -> {
                        number[column] = source.int64(column);
                        rows.varint(zigzag(number[column]));
                    }
                    case REAL -> {
                        real[column] = source.real(column);
                        rows.fixed64(Double.doubleToRawLongBits(real[column]));
                    }
                    case NULLABLE_INT64 -> {
                        Long value = source.nullableInt64(column);
                        nullable[column] = value;
                        rows.write(value == null ? 0 : 1);
                        if (value != null) rows.fixed64(value);
                    }
                }
            }
            count++;
            return this;
        }

        /** The deflated pack of every row added, or null when a text could not be kept exactly. */
        byte[] finish() {
            if (!exact) return null;
            Bytes head = new Bytes();
            head.write(FORMAT);
            head.varint(count);
            head.varint(texts.size());
            for (String t : texts) {
                byte[] utf8 = t.getBytes(StandardCharsets.UTF_8);
                head.varint(utf8.length);
                head.write(utf8, 0, utf8.length);
            }
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try {
                Bytes out = new Bytes();
                deflater.setInput(head.array(), 0, head.size());
                drain(deflater, out);
                deflater.setInput(rows.array(), 0, rows.size());
                deflater.finish();
                while (!deflater.finished()) drain(deflater, out);
                return out.toByteArray();
            } finally {
                deflater.end();
            }
        }

        int rows() {
            return count;
        }

        private int indexOf(String value) {
            Integer known = index.get(value);
            if (known != null) return known;
            if (exact && hasLoneSurrogate(value)) exact = false;
            index.put(value, texts.size());
            texts.add(value);
            return texts.size() - 1;
        }

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

    /** The rows of a pack, one at a time ({@link #next}); throws {@link Damaged} where the bytes are not a pack. */
    static final class Reader implements SummaryRow {
        private final byte[] bytes;
        private int at;
        private final int rows;
        private final String[] texts;
        private final String[] text = new String[KINDS.length];
        private final long[] number = new long[KINDS.length];
        private final double[] real = new double[KINDS.length];
        private final Long[] nullable = new Long[KINDS.length];
        private int read;

        Reader(byte[] pack) {
            this.bytes = inflate(pack);
            if (bytes.length == 0 || bytes[at++] != FORMAT) throw new Damaged("not a summary pack of format " + FORMAT);
            this.rows = count(varint());
            this.texts = new String[count(varint())];
            for (int i = 0; i < texts.length; i++) {
                int length = count(varint());
                if (length > bytes.length - at) throw new Damaged("a text runs past the end");
                texts[i] = new String(bytes, at, length, StandardCharsets.UTF_8);
                at += length;
            }
        }

        /** How many rows the pack holds. */
        int rows() {
            return rows;
        }

        /** Moves to the next row; false after the last, when the pack must also have ended. */
        boolean next() {
            if (read == rows) {
                if (at != bytes.length) throw new Damaged("bytes left after the last row");
                return false;
            }
            for (int column = 1; column < KINDS.length; column++) {
                switch (KINDS[column]) {
                    case TEXT -> {
                        long code = varint();
                        if (code > texts.length) throw new Damaged("a text index out of range");
                        text[column] = code == 0 ? null : texts[(int) code - 1];
                    }
                    case INTEGER, INT64 -> number[column] = unzigzag(varint());
                    case REAL -> real[column] = Double.longBitsToDouble(fixed64());
                    case NULLABLE_INT64 -> {
                        int flag = u8();
                        if (flag > 1) throw new Damaged("a null flag that is neither 0 nor 1");
                        nullable[column] = flag == 0 ? null : fixed64();
                    }
                }
            }
            read++;
            return true;
        }

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

        private int u8() {
            if (at >= bytes.length) throw new Damaged("the pack ends inside a row");
            return bytes[at++] & 0xff;
        }

        private long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = u8();
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) return value;
            }
            throw new Damaged("a variable-length integer longer than 64 bits");
        }

        private long fixed64() {
            long value = 0;
            for (int i = 0; i < 8; i++) value = (value << 8) | u8();
            return value;
        }

        private static int count(long value) {
            if (value < 0 || value > Integer.MAX_VALUE) throw new Damaged("a count out of range");
            return (int) value;
        }

        private static byte[] inflate(byte[] pack) {
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(pack);
                ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, pack.length * 3));
                byte[] chunk = new byte[64 * 1024];
                while (!inflater.finished()) {
                    int n = inflater.inflate(chunk);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw new Damaged("the pack's compressed bytes end early");
                    }
                    out.write(chunk, 0, n);
                }
                return out.toByteArray();
            } catch (DataFormatException e) {
                throw new Damaged("the pack's compressed bytes are damaged: " + e.getMessage());
            } finally {
                inflater.end();
            }
        }
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
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

    private static void drain(Deflater deflater, Bytes out) {
        byte[] chunk = new byte[64 * 1024];
        int n;
        while ((n = deflater.deflate(chunk)) > 0) out.write(chunk, 0, n);
    }

    /** A growable byte buffer with the pack's encodings (unsynchronized: one read's thread writes it). */
    private static final class Bytes {
        private byte[] buf = new byte[1024];
        private int size;

        void write(int b) {
            if (size == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            buf[size++] = (byte) b;
        }

        void write(byte[] b, int off, int len) {
            if (size + len > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
            System.arraycopy(b, off, buf, size, len);
            size += len;
        }

        void varint(long value) {
            while ((value & ~0x7fL) != 0) {
                write((int) ((value & 0x7f) | 0x80));
                value >>>= 7;
            }
            write((int) value);
        }

        void fixed64(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) write((int) (value >>> shift) & 0xff);
        }

        byte[] array() {
            return buf;
        }

        int size() {
            return size;
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, size);
        }
    }
}
