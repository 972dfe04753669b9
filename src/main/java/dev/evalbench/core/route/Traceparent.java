package dev.evalbench.core.route;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C Trace Context ids. One trace per case: the engine makes it, the provider sends it as the
 * {@code traceparent} header, and the record stores it so a case can be found in the provider's logs.
 *
 * <p>Ids come from each thread's own generator ({@link ThreadLocalRandom}), as OpenTelemetry's SDK makes them: the
 * specification asks ids to be random so they do not collide, not to be secret (they travel in clear headers and
 * logs). The platform's secure generator took a shared lock and a read of {@code /dev/urandom} per id, twice
 * per case. Thread-safe.
 */
public final class Traceparent {
    private static final HexFormat HEX = HexFormat.of();
    /** The lowest bit of the first byte, set so an id is never all zero (the specification's invalid id). */
    private static final long NOT_ZERO = 1L << 56;

    private Traceparent() {}

    /** 32 hex digits, never all zero. */
    public static String newTraceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong() | NOT_ZERO) + HEX.toHexDigits(random.nextLong());
    }

    /** {@code 00-<trace id>-<new span id>-01}; the span id is 16 hex digits, never all zero. */
    public static String header(String traceId) {
        return "00-" + traceId + "-" + HEX.toHexDigits(ThreadLocalRandom.current().nextLong() | NOT_ZERO) + "-01";
    }
}
