package dev.evalbench.core.run;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.text.Counted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which of a run's routes got an answer for any of their cases, and how the cases of the others failed. A run in
 * which no route answered is an outage (the engine's own event); a route of a run of several that answered none of
 * its cases while another answered measured its outage too (a local server not started, every call refused, no breaker
 * to stop it), and is named in a {@link RunEvent#UNANSWERED} event that leaves the run open for resume, which runs
 * those cases again. Cases count for the route they were planned for, whatever fallback answered them. Thread-safe.
 */
final class RouteAnswers {
    private final Set<String> answering = ConcurrentHashMap.newKeySet();
    /** Failure kinds and their counts, by route, of the stored cases that got no answer. */
    private final Map<String, Map<String, Integer>> failures = new ConcurrentHashMap<>();

    /** @param answeringBefore the routes that answered cases a resumed run had stored */
    RouteAnswers(Set<String> answeringBefore) {
        answering.addAll(answeringBefore);
    }

    /** Counts a stored case. */
    void count(CaseRecord record) {
        String route = record.key().route();
        if (record.failureKind() == null) {
            answering.add(route);
            return;
        }
        Map<String, Integer> kinds = failures.computeIfAbsent(route, r -> new TreeMap<>());
        synchronized (kinds) {
            kinds.merge(record.failureKind().toLowerCase(Locale.ROOT).replace('_', ' '), 1, Integer::sum);
        }
    }

    /** Whether any route answered any case. */
    boolean any() {
        return !answering.isEmpty();
    }

    /**
     * The event naming the routes that answered none of their stored cases while another route answered, or null. A
     * route some of whose cases were left for resume ({@code leftRoutes}) is not named: one whose cases were not sent
     * has the event that left them say why (an open breaker, a refusal), and resume runs its stored failures again all
     * the same; one whose cases a judge left ungraded answered them.
     */
    RunEvent unanswered(Instant at, Set<String> leftRoutes) {
        if (!any()) return null;
        List<String> parts = new ArrayList<>();
        String only = null;
        for (String route : new TreeMap<>(failures).keySet()) {
            if (answering.contains(route) || leftRoutes.contains(route)) continue;
            Map<String, Integer> kinds = failures.get(route);
            int cases;
            List<String> how = new ArrayList<>();
            synchronized (kinds) {
                cases = kinds.values().stream().mapToInt(Integer::intValue).sum();
                kinds.forEach((kind, n) -> how.add(kind + " " + n));
            }
            parts.add(Counted.of(cases, "case") + " of route " + route + " got no answer from it ("
                    + String.join(", ", how) + ")");
            only = parts.size() == 1 ? route : null;
        }
        return parts.isEmpty() ? null : new RunEvent(at, RunEvent.UNANSWERED, only, String.join("; ", parts));
    }
}
