package dev.evalbench.core.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The line ends of a text file: an editor works in {@code \n} alone (the template editor's text area turns
 * {@code \r\n} into {@code \n} as it takes the text), and a file written back keeps the ends it had, so a template
 * checked out on Windows (git's {@code core.autocrlf}) neither opens as edited nor saves as a diff of every line.
 * A workspace is read in {@code \n} alone too ({@link #toLf(byte[])}): its files' digests, snapshots and parsed
 * texts are the same on every checkout. Stateless.
 */
public final class LineEnds {
    /** Files of this many bytes or more are scanned a word at a time: where that saves more than its linking costs. */
    static final int WORDWISE_FROM = 8 << 20;
    private static final long CARRIAGE_RETURNS = 0x0D0D0D0D0D0D0D0DL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private LineEnds() {}

    /** {@code text} with each {@code \r\n} as {@code \n}. */
    public static String toLf(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n");
    }

    /**
     * UTF-8 (or ASCII) {@code bytes} with each {@code \r\n} as {@code \n}; a {@code \r} that does not end a line
     * is kept. The same array when there is nothing to change: a file with {@code \n} alone costs one scan for a
     * {@code \r}. Every workspace file, however large, is read through this, so a large one is scanned eight bytes
     * at a time: 3 ms for a 21 MB dataset under the commands' quick compiler, against 30 ms byte by byte, once the
     * view's first use has been linked (about 10 ms, more than a small file's whole scan, hence {@link
     * #WORDWISE_FROM}).
     */
    public static byte[] toLf(byte[] bytes) {
        int first = firstCarriageReturn(bytes);
        if (first < 0) return bytes;
        // \r and \n never occur inside a UTF-8 sequence of several bytes, so this is safe byte by byte
        byte[] out = new byte[bytes.length];
        System.arraycopy(bytes, 0, out, 0, first);
        int length = first;
        for (int i = first; i < bytes.length; i++) {
            if (bytes[i] != '\r' || i + 1 == bytes.length || bytes[i + 1] != '\n') out[length++] = bytes[i];
        }
        return length == bytes.length ? bytes : Arrays.copyOf(out, length);
    }

    /** The view of a byte array as longs, made only when a large file needs it (its class's first use). */
    private static final class Words {
        static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    }

    /** The index of the first {@code \r}, or -1. */
    private static int firstCarriageReturn(byte[] bytes) {
        int i = 0;
        for (; bytes.length >= WORDWISE_FROM && i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            // a byte of the word is \r exactly when that byte of the XOR is zero (the usual has-zero-byte test)
            long word = (long) Words.LONGS.get(bytes, i) ^ CARRIAGE_RETURNS;
            if (((word - ONES) & ~word & HIGH_BITS) != 0) break;
        }
        for (; i < bytes.length; i++) {
            if (bytes[i] == '\r') return i;
        }
        return -1;
    }

    /** {@code text} with the line ends {@code file} has: {@code \r\n} when it has any, else {@code \n}. */
    public static String like(String text, String file) {
        String lf = toLf(text);
        return file != null && file.contains("\r\n") ? lf.replace("\n", "\r\n") : lf;
    }
}
