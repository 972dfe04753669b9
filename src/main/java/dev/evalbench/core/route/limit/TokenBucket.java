package dev.evalbench.core.route.limit;

import dev.evalbench.core.route.time.RouterClock;

/**
 * A token bucket of {@code perMinute} capacity that refills continuously at {@code perMinute} per minute,
 * starting full. {@link #reserve} takes tokens at once, possibly into debt, and says how long the caller must
 * wait for the debt to be repaid: callers reserve in arrival order and sleep outside the lock, so waiting
 * callers are served first come, first served. A request for more than the capacity is charged the capacity
 * (it could never be served otherwise). Thread-safe.
 */
final class TokenBucket {
    private static final double NANOS_PER_MINUTE = 60e9;

    private final RouterClock clock;
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long lastNanos;

    TokenBucket(int perMinute, RouterClock clock) {
        this.clock = clock;
        this.capacity = perMinute;
        this.perNano = perMinute / NANOS_PER_MINUTE;
        this.tokens = perMinute;
        this.lastNanos = clock.nanoTime();
    }

    /** Takes {@code amount} tokens; returns the wait in milliseconds before they are really there (0 if now). */
    synchronized long reserve(double amount) {
        long now = clock.nanoTime();
        tokens = Math.min(capacity, tokens + (now - lastNanos) * perNano);
        lastNanos = now;
        tokens -= Math.min(amount, capacity);
        if (tokens >= 0) {
            return 0;
        }
        return (long) Math.ceil(-tokens / perNano / 1e6);
    }
}
