package dev.evalbench.core.record;

import java.util.List;

/** Case summaries for tests that need only a case's key, verdict and whether its answer came from the cache. */
public final class CaseSummaries {
    private CaseSummaries() {}

    /** A schema-valid, accepted case of suite triage on {@code route}, 100 ms, 15 tokens. */
    public static CaseSummary of(String id, String route, boolean passed, boolean cacheHit) {
        return new CaseSummary(new CaseKey("triage", id, "triage", route, 0), "trace", passed, true, null, true,
                "reply", List.of(), true, route, "m", 100, 10, 5, 0.0, 1, 0, cacheHit, List.of(), null, null, null,
                null, List.of(), List.of(), false);
    }

    /** A failed case of suite triage whose answer was not schema-valid, as its schema check's {@code failure} says. */
    public static CaseSummary invalid(String id, String failure) {
        return new CaseSummary(new CaseKey("triage", id, "triage", "openai", 0), "trace", false, false, null, false,
                "escalate", List.of(failure), true, "openai", "m", 100, 10, 400, 0.0, 1, 0, false, List.of(), null, null,
                null, null, List.of("schema"), List.of(), false);
    }

    /** A case of suite triage on {@code route} the model gave no answer (connection refused): failed, no output. */
    public static CaseSummary unanswered(String id, String route) {
        return new CaseSummary(new CaseKey("triage", id, "triage", route, 0), "trace", false, false, "CONNECTION", false,
                "escalate", List.of(), true, route, "m", 0, 0, 0, 0.0, 2, 0, false, List.of(), null, null,
                "connection refused", null, List.of(), List.of(), false);
    }
}
