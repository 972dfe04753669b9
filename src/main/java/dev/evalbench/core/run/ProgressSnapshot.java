package dev.evalbench.core.run;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A run's progress at one moment, for a progress bar and live counts. Immutable.
 *
 * @param done     cases stored, including those a resumed run found already done
 * @param total    cases planned
 * @param routes   counts per route (the route the case was planned for), by route name
 * @param elapsed  time since this session of the run started
 * @param eta      time left at the current pace; empty until the pace is known (see {@link CoalescingListener})
 * @param finished true for the last snapshot of a run that ended (complete, cancelled or failed)
 */
public record ProgressSnapshot(int done, int total, Map<String, RouteCounts> routes, Duration elapsed,
                               Optional<Duration> eta, boolean finished) {
    /** Cases of one route this session: passed, failed (answered but not passing) and errored (no answer). */
    public record RouteCounts(int passed, int failed, int errored) {
        public int total() {
            return passed + failed + errored;
        }
    }

    public ProgressSnapshot {
        routes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(routes));
    }

    /** Cases not passed, over every route. */
    public int notPassed() {
        return routes.values().stream().mapToInt(c -> c.failed() + c.errored()).sum();
    }
}
