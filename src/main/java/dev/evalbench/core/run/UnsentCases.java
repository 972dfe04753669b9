package dev.evalbench.core.run;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.RunEvent;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cases of one run that no model saw: each was refused by an open circuit breaker (and by every fallback's, or
 * it had none). They are not stored, so the run ends incomplete and resume sends them, rather than count as the
 * model's failures: a breaker that opened on a burst of rate limits made the gates read "category accuracy
 * 0.008" of a model that had answered 4 cases of 4.
 *
 * <p>Threads: the run's workers call {@link #tookIfRefused}; the engine reads the count and the event once they
 * have ended.
 */
final class UnsentCases {
    private final AtomicInteger count = new AtomicInteger();
    private final Set<String> routes = new TreeSet<>();

    /** Counts {@code record} and returns true when an open breaker refused it; false (nothing counted) otherwise. */
    boolean tookIfRefused(CaseRecord record) {
        if (!FailureKind.CIRCUIT_OPEN.name().equals(record.failureKind())) return false;
        synchronized (routes) {
            if (record.routeUsed() != null) routes.add(record.routeUsed());
        }
        count.incrementAndGet();
        return true;
    }

    int count() {
        return count.get();
    }

    /** ", 155 cases not sent: the breaker of route openai was open" for the outage's sentence; "" when none. */
    String inParentheses() {
        return count() == 0 ? "" : ", " + notSent();
    }

    /**
     * The run's event: how many cases were not sent and why. Not what to do about it: a later resume may send them
     * (or leave others unsent, its own event), and the history keeps each event as written.
     */
    RunEvent event(Instant at) {
        String route;
        synchronized (routes) {
            route = routes.size() == 1 ? routes.iterator().next() : null;
        }
        return new RunEvent(at, RunEvent.UNSENT, route, notSent());
    }

    private String notSent() {
        String whose;
        synchronized (routes) {
            whose = routes.isEmpty() ? "the breaker was open"
                    : routes.size() == 1 ? "the breaker of route " + routes.iterator().next() + " was open"
                    : "the breakers of routes " + String.join(", ", routes) + " were open";
        }
        int n = count();
        return (n == 1 ? "1 case" : String.format(java.util.Locale.ROOT, "%,d cases", n)) + " not sent: " + whose;
    }
}
