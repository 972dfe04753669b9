package dev.evalbench.core.route;

import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ModelResponse;

/**
 * How one route of a chain ended for one call: an answer (maybe from the cache), or a failure with its kind,
 * message and the reason a fallback would record ({@code "circuit_open"} or the failure kind's name).
 */
record RouteOutcome(String route, ModelResponse response, boolean cacheHit, FailureKind failure, String message) {

    static RouteOutcome answered(String route, ModelResponse response, boolean cacheHit) {
        return new RouteOutcome(route, response, cacheHit, null, null);
    }

    static RouteOutcome failed(String route, FailureKind kind, String message) {
        return new RouteOutcome(route, null, false, kind, message);
    }

    boolean ok() {
        return response != null;
    }

    /**
     * Cancellation ends the whole call: no fallback serves a cancelled run. So does an answer that carried a
     * key: the case must fail visibly rather than be rescued by a fallback.
     */
    boolean endsCall() {
        return ok() || failure == FailureKind.CANCELLED || failure == FailureKind.SECRET_IN_OUTPUT;
    }

    String fallbackReason() {
        return failure == FailureKind.CIRCUIT_OPEN ? "circuit_open" : failure.name();
    }
}
