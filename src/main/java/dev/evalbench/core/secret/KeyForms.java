package dev.evalbench.core.secret;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The spellings under which one API key can reach a text we store or write: as it is, JSON-escaped (the
 * {@code \}{@code uXXXX} form in either hex case, and Jackson's own escaping), URL-encoded (form encoding and
 * every byte percent-encoded, either hex case), and base64 (standard and URL-safe alphabets, at each of the
 * three byte alignments the key can have inside a longer encoded text, such as {@code user:key}). Pure
 * functions; thread-safe.
 */
final class KeyForms {
    private KeyForms() {}

    /** Every literal spelling of {@code key} we look for, the key itself included; never empty strings. */
    static Set<String> of(String key) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(key);
        forms.add(jsonEscaped(key, false));
        forms.add(jsonEscaped(key, true));
        forms.add(jacksonEscaped(key));
        forms.add(URLEncoder.encode(key, StandardCharsets.UTF_8));
        forms.add(percentEncoded(key, false));
        forms.add(percentEncoded(key, true));
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        for (int offset = 0; offset < 3; offset++) {
            forms.add(base64Core(Base64.getEncoder(), bytes, offset));
            forms.add(base64Core(Base64.getUrlEncoder(), bytes, offset));
        }
        forms.removeIf(String::isEmpty);
        return forms;
    }

    /** The base64 spellings alone (both alphabets, three alignments). */
    static Set<String> base64Cores(String key) {
        Set<String> cores = new LinkedHashSet<>();
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        for (int offset = 0; offset < 3; offset++) {
            cores.add(base64Core(Base64.getEncoder(), bytes, offset));
            cores.add(base64Core(Base64.getUrlEncoder(), bytes, offset));
        }
        cores.removeIf(String::isEmpty);
        return cores;
    }

    private static String jsonEscaped(String key, boolean upper) {
        StringBuilder out = new StringBuilder(key.length() * 6);
        for (char c : key.toCharArray()) {
            String hex = String.format(Locale.ROOT, "%04x", (int) c);
            out.append("\\u").append(upper ? hex.toUpperCase(Locale.ROOT) : hex);
        }
        return out.toString();
    }

    /** The key as a JSON string literal would carry it, without the quotes. */
    private static String jacksonEscaped(String key) {
        StringBuilder out = new StringBuilder();
        for (char c : key.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String percentEncoded(String key, boolean upper) {
        StringBuilder out = new StringBuilder();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            String hex = String.format(Locale.ROOT, "%02x", b & 0xff);
            out.append('%').append(upper ? hex.toUpperCase(Locale.ROOT) : hex);
        }
        return out.toString();
    }

    /**
     * The base64 characters that depend on the key's bytes only, when the key starts {@code offset} bytes
     * into a 3-byte group: characters mixing in a neighbour's bits, and padding, are dropped.
     */
    private static String base64Core(Base64.Encoder encoder, byte[] key, int offset) {
        byte[] shifted = new byte[offset + key.length];
        System.arraycopy(key, 0, shifted, offset, key.length);
        String encoded = encoder.withoutPadding().encodeToString(shifted);
        int skip = offset == 0 ? 0 : offset == 1 ? 2 : 3;
        int endBits = (offset + key.length) * 8;
        int fullChars = endBits / 6; // characters made only of the key's bits at the end
        if (fullChars <= skip) {
            return "";
        }
        return encoded.substring(skip, Math.min(fullChars, encoded.length()));
    }
}
