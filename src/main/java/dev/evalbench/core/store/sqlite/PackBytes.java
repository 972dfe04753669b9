package dev.evalbench.core.store.sqlite;

import java.util.Arrays;

/**
 * The bytes of a {@link SummaryPack} as its writer gathers them, with the pack's encodings: a variable-length integer
 * (7 bits a byte, low first), a fixed 64-bit value (high byte first), and the zigzag mapping that gives small
 * negative integers short varints. A growable buffer, reused chunk after chunk. Not thread-safe: one read's thread
 * writes it.
 */
final class PackBytes {
    private byte[] buf;
    private int size;

    PackBytes(int capacity) {
        buf = new byte[capacity];
    }

    void write(int b) {
        if (size == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
        buf[size++] = (byte) b;
    }

    void write(byte[] b, int off, int len) {
        if (size + len > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
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

    void reset() {
        size = 0;
    }

    /** A signed value as an unsigned one whose varint is short when the value is near zero, either side. */
    static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    /** The signed value {@link #zigzag} mapped. */
    static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }
}
