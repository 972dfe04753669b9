package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.json.Digests;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The {@code case_texts} table (texts many cases share, stored once by the SHA-256 of their UTF-8 bytes) and
 * the deflate compression every big text of a case is stored with. Plain JDK {@link Deflater}: no dependency,
 * and {@code zlib} reads the bytes anywhere. Called on a connection already inside a transaction.
 */
final class CaseTexts {
    /** The hashes of the shared texts last put: a run puts the same few texts (its system prompts) for every case. */
    private static final RecentValues<String, String> HASHES =
            new RecentValues<>(32, text -> Digests.sha256(text.getBytes(StandardCharsets.UTF_8)));

    private CaseTexts() {}

    /**
     * Stores the text unless present; returns its hash. {@code known} holds hashes already stored in this
     * transaction (a fresh map per transaction, so a rollback can never leave a remembered hash without its row).
     */
    static String put(Connection c, String text, Map<String, Boolean> known) throws SQLException {
        String sha256 = HASHES.get(text);
        if (known.containsKey(sha256)) {
            return sha256;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM case_texts WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    known.put(sha256, Boolean.TRUE);
                    return sha256;
                }
            }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_texts (sha256, content, size) VALUES (?, ?, ?)")) {
            ps.setString(1, sha256);
            ps.setBytes(2, deflate(bytes));
            ps.setLong(3, bytes.length);
            ps.executeUpdate();
        }
        known.put(sha256, Boolean.TRUE);
        return sha256;
    }

    /** The text of a hash; a missing or damaged text is a corrupt history, never a guess. */
    static String get(Connection c, String sha256, Map<String, String> cache) throws SQLException, StoreException {
        String cached = cache.get(sha256);
        if (cached != null) {
            return cached;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT content FROM case_texts WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("the history is missing text " + sha256 + " that a case refers to");
                }
                byte[] bytes = inflate(rs.getBytes(1), "text " + sha256);
                if (!Digests.sha256(bytes).equals(sha256)) {
                    throw new StoreException("text " + sha256 + " is corrupt: its content no longer has that hash");
                }
                String text = new String(bytes, StandardCharsets.UTF_8);
                cache.put(sha256, text);
                return text;
            }
        }
    }

    static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 16);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The inflated bytes of {@code compressed}; a missing or damaged value is a corrupt history, never a guess. */
    static byte[] inflate(byte[] compressed, String what) throws StoreException {
        byte[] input = compressed == null ? new byte[0] : compressed;
        Inflated inflated = inflate(input, new byte[Math.max(64, input.length * 2)], what);
        return inflated.size() == inflated.bytes().length ? inflated.bytes() : Arrays.copyOf(inflated.bytes(), inflated.size());
    }

    /**
     * A read thread's array for inflated details, reused from case to case: a report reads every case's detail,
     * and an array (and a copy) per case were most of what it allocated (docs/performance.md, round 30). Kept
     * only up to 1 MB, so one huge detail does not stay in memory for the thread's life.
     */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[16 * 1024]);
    private static final int SCRATCH_KEPT = 1 << 20;

    /** The JSON value of type {@code type} that {@code compressed} inflates to, read without a copy of its bytes. */
    static <T> T readInflatedJson(byte[] compressed, String what, Class<T> type) throws StoreException, IOException {
        Inflated inflated = inflate(compressed == null ? new byte[0] : compressed, SCRATCH.get(), what);
        if (inflated.bytes().length <= SCRATCH_KEPT) SCRATCH.set(inflated.bytes());
        return Json.MAPPER.readValue(inflated.bytes(), 0, inflated.size(), type);
    }

    /** The first {@code size} bytes of {@code bytes}. */
    private record Inflated(byte[] bytes, int size) {}

    /** Inflates {@code input} into {@code out} from its start, into a larger copy when it fills. */
    private static Inflated inflate(byte[] input, byte[] out, String what) throws StoreException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(input);
            int size = 0;
            while (!inflater.finished()) {
                if (size == out.length) out = Arrays.copyOf(out, out.length * 2);
                int n = inflater.inflate(out, size, out.length - size);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new StoreException("cannot read " + what + ": its compressed bytes are truncated");
                }
                size += n;
            }
            return new Inflated(out, size);
        } catch (DataFormatException e) {
            throw new StoreException("cannot read " + what + ": its compressed bytes are damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
