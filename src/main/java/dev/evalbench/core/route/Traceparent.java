package dev.evalbench.core.route;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * W3C Trace Context ids. One trace per case: the engine makes it, the provider sends it as the
 * {@code traceparent} header, and the record stores it so a case can be found in the provider's logs.
 */
public final class Traceparent {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Traceparent() {}

    /** 32 hex digits, never all zero. */
    public static String newTraceId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        b[0] |= 1;
        return HexFormat.of().formatHex(b);
    }

    /** {@code 00-<trace id>-<new span id>-01}. */
    public static String header(String traceId) {
        byte[] span = new byte[8];
        RANDOM.nextBytes(span);
        span[0] |= 1;
        return "00-" + traceId + "-" + HexFormat.of().formatHex(span) + "-01";
    }
}
