package dev.evalbench.core.route.time;

import java.time.Instant;

/**
 * Time as the router sees it: a monotonic clock for latencies, backoff and rate limits, a wall clock for
 * event stamps, and a sleep for backoff and limiter waits. Tests pass a fake whose {@code sleep} advances
 * time at once, so no test waits on a real backoff. Implementations are thread-safe; {@code sleep} must throw
 * {@link InterruptedException} when the calling thread is interrupted (that is how a run is cancelled).
 */
public interface RouterClock {
    long nanoTime();

    Instant now();

    void sleep(long millis) throws InterruptedException;

    /** Real time: {@link System#nanoTime()}, {@link Instant#now()}, {@link Thread#sleep(long)}. */
    RouterClock SYSTEM = new RouterClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            if (millis > 0) {
                Thread.sleep(millis);
            } else if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }

        @Override
        public String toString() {
            return "RouterClock.SYSTEM";
        }
    };
}
