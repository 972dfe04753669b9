package dev.evalbench.core.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A 64-bit fingerprint of a case's output as a comparison sees it: the first 8 bytes of the SHA-256 of a
 * canonical form. An output parsed as a JSON object or array is written with object members sorted by name
 * (so reordered fields or other spacing give the same fingerprint, as they give the same comparison text); any
 * other output is its raw text; no output is the failure kind and message. A tag keeps the three apart.
 *
 * <p>The contract comparisons rely on: two records with equal fingerprints have equal comparison texts (the
 * comparison's {@code OutputText}), so a case whose fingerprints match on both sides is known unchanged without
 * reading either record. Unequal fingerprints only mean "read both and diff". Pure and thread-safe.
 */
public final class OutputFingerprint {
    /** Never updated, only cloned, so threads share it safely. */
    private static final MessageDigest SHA256 = lookUpSha256();

    private OutputFingerprint() {}

    /** The fingerprint of {@code record}'s output. */
    public static long of(CaseRecord record) {
        StringBuilder canonical = new StringBuilder(256);
        if (record.rawOutput() == null) {
            canonical.append("none\n").append(record.failureKind()).append('\n').append(record.failureMessage());
        } else if (record.parsed() != null && (record.parsed().isObject() || record.parsed().isArray())) {
            canonical.append("json\n");
            write(record.parsed(), canonical);
        } else {
            canonical.append("text\n").append(record.rawOutput());
        }
        return first8(canonical.toString());
    }

    /** Sorted-member compact JSON; scalars as Jackson writes them (a node's own {@code toString}). */
    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) out.append(',');
                out.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(names.get(i))).append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) out.append(',');
                write(node.get(i), out);
            }
            out.append(']');
        } else {
            // The node's class is part of what OutputText prints (1 and 1.0 differ), and toString keeps it.
            out.append(node.getNodeType()).append(':').append(node);
        }
    }

    private static long first8(String text) {
        byte[] digest = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest, 0, 8).getLong();
    }

    /** A fresh digest, cloned from one looked up once: a provider lookup per stored case costs more than the hash. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return lookUpSha256(); // a provider whose digest cannot be cloned: look it up each time, as before
        }
    }

    private static MessageDigest lookUpSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
