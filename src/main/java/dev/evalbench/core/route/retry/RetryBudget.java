package dev.evalbench.core.route.retry;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The retries one route may still make in this run (its {@code retries.budget}), shared by all cases. A
 * storm of failures thus costs at most the budget in extra calls; once it is spent every failure on the route
 * is final and the fallback chain takes over. Thread-safe.
 */
public final class RetryBudget {
    private final AtomicInteger remaining;

    public RetryBudget(int budget) {
        this.remaining = new AtomicInteger(Math.max(0, budget));
    }

    /** Takes one retry from the budget; false when it is spent. */
    public boolean tryTake() {
        while (true) {
            int left = remaining.get();
            if (left <= 0) {
                return false;
            }
            if (remaining.compareAndSet(left, left - 1)) {
                return true;
            }
        }
    }

    /** Gives back a retry that was taken but never sent (an open breaker refused it). */
    public void giveBack() {
        remaining.incrementAndGet();
    }

    public int remaining() {
        return remaining.get();
    }
}
