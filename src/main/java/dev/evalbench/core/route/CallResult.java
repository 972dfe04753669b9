package dev.evalbench.core.route;

import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.FallbackTaken;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ModelResponse;
import java.util.List;

/**
 * How one case's call went, through retries and fallbacks. Exactly one of {@code response} and
 * {@code failure} is non-null. {@code routeUsed}, {@code provider} and {@code model} name the route that
 * answered (or failed last). {@code costUsd} is from the answering route's prices.
 */
public record CallResult(
        ModelResponse response,
        FailureKind failure,
        String failureMessage,
        String routeUsed,
        String provider,
        String model,
        List<Attempt> attempts,
        List<FallbackTaken> fallbacks,
        boolean cacheHit,
        double costUsd) {

    /** Second and later requests to a route; see {@link Attempt#retries}. */
    public int retries() {
        return Attempt.retries(attempts);
    }
}
