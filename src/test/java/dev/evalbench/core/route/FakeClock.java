package dev.evalbench.core.route;

import dev.evalbench.core.route.time.RouterClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link RouterClock} for tests: time moves only when a test advances it or when someone sleeps, and a
 * sleep returns at once after advancing time and recording its length. Thread-safe. A sleeping thread that
 * is interrupted gets an InterruptedException, as with a real sleep.
 */
public final class FakeClock implements RouterClock {
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private final AtomicLong nanos = new AtomicLong();
    private final List<Long> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant now() {
        return EPOCH.plusNanos(nanos.get());
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        sleeps.add(millis);
        advance(millis);
    }

    public void advance(long millis) {
        nanos.addAndGet(millis * 1_000_000);
    }

    /** Every sleep so far, in ms, in order. Zero-length sleeps (no wait needed) are included. */
    public List<Long> sleeps() {
        return List.copyOf(sleeps);
    }

    /** Sleeps longer than zero. */
    public List<Long> waits() {
        return sleeps.stream().filter(s -> s > 0).toList();
    }
}
