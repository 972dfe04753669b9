package dev.evalbench.core.report.sign;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The DSSE v1 protocol's pre-authentication encoding (https://github.com/secure-systems-lab/dsse,
 * protocol.md): what is actually signed is never the payload alone but
 * {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, with lengths in bytes as ASCII decimal, so a
 * signature cannot be moved to a payload of another type. Stateless and thread-safe.
 */
public final class Dsse {
    /** The payload type of an in-toto Statement, the only type evalbench signs and accepts. */
    public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

    private Dsse() {}

    /** PAE(UTF8(payloadType), payload). */
    public static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(type.length + payload.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /**
     * Decodes base64 in either the standard or the URL-safe alphabet, padded or not, as DSSE requires
     * verifiers to accept; mixing the two alphabets is refused.
     *
     * @throws IllegalArgumentException if {@code text} is not base64
     */
    static byte[] decodeBase64(String text) {
        boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
    }

    static String encodeBase64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
