package dev.evalbench.core.route.breaker;

import java.util.Arrays;

/** The verdicts of the last {@code size} counted calls, with running totals. Not thread-safe: the breaker locks. */
final class BreakerWindow {
    private final CallVerdict[] slots;
    private int next;
    private int count;
    private int failures;
    private int slow;

    BreakerWindow(int size) {
        this.slots = new CallVerdict[Math.max(1, size)];
    }

    void add(CallVerdict verdict) {
        CallVerdict evicted = slots[next];
        if (evicted != null) {
            failures -= evicted.failed() ? 1 : 0;
            slow -= evicted == CallVerdict.SLOW ? 1 : 0;
            count--;
        }
        slots[next] = verdict;
        next = (next + 1) % slots.length;
        count++;
        failures += verdict.failed() ? 1 : 0;
        slow += verdict == CallVerdict.SLOW ? 1 : 0;
    }

    void clear() {
        Arrays.fill(slots, null);
        next = 0;
        count = 0;
        failures = 0;
        slow = 0;
    }

    int count() {
        return count;
    }

    int slow() {
        return slow;
    }

    /** Failed calls, the slow ones among them. */
    int failures() {
        return failures;
    }

    double errorRate() {
        return count == 0 ? 0 : (double) failures / count;
    }
}
