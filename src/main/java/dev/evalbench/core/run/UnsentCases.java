package dev.evalbench.core.run;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.route.breaker.CircuitBreaker;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cases of one run that no model saw: each was refused by an open circuit breaker, or by a route the server had
 * refused itself (its first calls 401, 403 or 404), on every route of its chain. They are not stored, so the run
 * ends incomplete and resume sends them, rather than count as the model's failures: a breaker that opened on a
 * burst of rate limits made the gates read "category accuracy 0.008" of a model that had answered 4 cases of 4.
 *
 * <p>Threads: the run's workers call {@link #tookIfRefused}; the engine reads the count and the event once they
 * have ended.
 */
final class UnsentCases {
    private final AtomicInteger count = new AtomicInteger();
    /** Why each route's cases were not sent, in the words of the first of them, by route. */
    private final Map<String, String> why = new TreeMap<>();

    /** Counts {@code record} and returns true when it was not sent; false (nothing counted) otherwise. */
    boolean tookIfRefused(CaseRecord record) {
        if (!FailureKind.CIRCUIT_OPEN.name().equals(record.failureKind())) return false;
        String route = record.routeUsed() == null ? "" : record.routeUsed();
        String reason = CircuitBreaker.refusal(route).equals(record.failureMessage())
                ? "the breaker of route " + route + " was open" : record.failureMessage();
        synchronized (why) {
            why.putIfAbsent(route, reason);
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
        synchronized (why) {
            route = why.size() == 1 ? why.keySet().iterator().next() : null;
        }
        return new RunEvent(at, RunEvent.UNSENT, route, notSent());
    }

    private String notSent() {
        String reasons;
        synchronized (why) {
            reasons = why.isEmpty() ? "no route was called" : String.join("; ", why.values());
        }
        int n = count();
        return (n == 1 ? "1 case" : String.format(java.util.Locale.ROOT, "%,d cases", n)) + " not sent: " + reasons;
    }
}
