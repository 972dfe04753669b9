package dev.evalbench.core.route.retry;

import dev.evalbench.core.workspace.RouteSpec;
import java.util.function.DoubleSupplier;

/**
 * When to try a route again and how long to wait first. Exponential backoff with full jitter: before retry
 * {@code n} (after failed attempt {@code n}) the wait is uniform in {@code [0, min(max_delay_ms,
 * base_delay_ms * 2^(n-1)))}. A server's Retry-After is used when it is longer than that draw; a Retry-After
 * longer than {@code max_delay_ms} ends the retries instead (the server says it will not serve within the
 * route's patience, so the fallback chain gets the case rather than a worker sleeping for minutes).
 * A route without {@code retries} makes one attempt. Immutable; thread-safe when the jitter source is.
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final long baseDelayMs;
    private final long maxDelayMs;
    private final DoubleSupplier jitter;

    private RetryPolicy(int maxAttempts, long baseDelayMs, long maxDelayMs, DoubleSupplier jitter) {
        this.maxAttempts = maxAttempts;
        this.baseDelayMs = baseDelayMs;
        this.maxDelayMs = maxDelayMs;
        this.jitter = jitter;
    }

    /** {@code jitter} yields values in [0, 1). */
    public static RetryPolicy of(RouteSpec.Retry retry, DoubleSupplier jitter) {
        if (retry == null) {
            return new RetryPolicy(1, 0, 0, jitter);
        }
        return new RetryPolicy(Math.max(1, retry.maxAttempts()), Math.max(0, retry.baseDelayMs()),
                Math.max(0, retry.maxDelayMs()), jitter);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** False when the server's Retry-After (ms, -1 for none) is longer than {@code max_delay_ms}: no retry then. */
    public boolean accepts(long retryAfterMs) {
        return retryAfterMs <= maxDelayMs;
    }

    /**
     * The wait before retrying after failed attempt {@code failedAttempt} (1-based), given the server's
     * Retry-After in ms (-1 for none), which the caller has checked with {@link #accepts}.
     */
    public long delayBefore(int failedAttempt, long retryAfterMs) {
        int shift = Math.min(failedAttempt - 1, 30);
        long ceiling = Math.min(maxDelayMs, baseDelayMs << shift);
        long drawn = (long) Math.floor(jitter.getAsDouble() * ceiling);
        return Math.max(drawn, retryAfterMs);
    }
}
