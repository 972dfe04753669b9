package dev.evalbench.core.record;

import java.util.Map;
import java.util.TreeMap;

/**
 * How a run's routes served it, from its records: which route answered how many cases, the fallbacks taken
 * and why, retries, cache hits and provider failures by kind. What a reviewer checks before trusting a run
 * that survived provider trouble. Immutable.
 *
 * @param answered      cases answered, by the route that answered
 * @param fallbacks     "from -> to (reason)" to how many cases took that step
 * @param failures      provider failure kind to how many cases ended with it
 */
public record RouteUsage(Map<String, Integer> answered, Map<String, Integer> fallbacks, Map<String, Integer> failures,
                         int retries, int cacheHits) {

    public static RouteUsage of(StoredRun run) {
        return of(RunCases.of(run));
    }

    public static RouteUsage of(RunCases run) {
        Map<String, Integer> answered = new TreeMap<>();
        Map<String, Integer> fallbacks = new TreeMap<>();
        Map<String, Integer> failures = new TreeMap<>();
        int retries = 0;
        int cacheHits = 0;
        // Counted by hash, then sorted once: a sorted map's comparisons per case were most of this over 100,000 cases.
        Map<String, Integer> answeredCounts = new java.util.HashMap<>();
        for (ScoredCase r : run.cases()) {
            if (r.failureKind() == null) {
                answeredCounts.merge(r.routeUsed(), 1, Integer::sum);
            } else {
                failures.merge(r.failureKind(), 1, Integer::sum);
            }
            for (String step : r.fallbackSteps()) {
                fallbacks.merge(step, 1, Integer::sum);
            }
            retries += r.retries();
            cacheHits += r.cacheHit() ? 1 : 0;
        }
        answered.putAll(answeredCounts);
        return new RouteUsage(answered, fallbacks, failures, retries, cacheHits);
    }

    /**
     * "3 of 3 answers came from the response cache, not from the model", or empty when none did: a run on a
     * route whose server changed behind the same model name reads the old answers unless it says so.
     */
    public static String cacheInWords(int cacheHits, int cases) {
        if (cacheHits == 0) return "";
        return cacheHits + " of " + cases + (cases == 1 ? " answer" : " answers") + " came from the response cache, not from the model";
    }

    /** As {@link #cacheInWords(int, int)}, counted from the cases: empty when none came from the cache. */
    public static String cacheInWords(java.util.List<? extends ScoredCase> cases) {
        int hits = 0;
        for (ScoredCase c : cases) hits += c.cacheHit() ? 1 : 0;
        return cacheInWords(hits, cases.size());
    }

    public int fallbacksTaken() {
        return fallbacks.values().stream().mapToInt(Integer::intValue).sum();
    }
}
