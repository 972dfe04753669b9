package dev.evalbench.core.route.breaker;

import dev.evalbench.core.record.FailureKind;

/**
 * What one call says about a route's health. {@code SLOW} is an answer that came later than the SLA: the
 * answer is used, but the call counts as a failure in the breaker's window. {@code NEUTRAL} says nothing
 * about the provider's health (a bad request, a missing key, a replay miss, a cancel, our own bug) and does
 * not enter the window.
 */
public enum CallVerdict {
    SUCCESS,
    SLOW,
    FAILURE,
    NEUTRAL;

    /** Timeouts, rate limits, server errors, dropped connections and broken bodies count against a route. */
    public static CallVerdict of(FailureKind kind) {
        return switch (kind) {
            case TIMEOUT, RATE_LIMITED, SERVER_ERROR, CONNECTION, BAD_RESPONSE -> FAILURE;
            default -> NEUTRAL;
        };
    }

    boolean failed() {
        return this == SLOW || this == FAILURE;
    }
}
