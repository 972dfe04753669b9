package dev.evalbench.core.route;

import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ModelProvider;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.provider.ProviderFactory;
import dev.evalbench.core.secret.KeyScrubber;
import dev.evalbench.core.route.breaker.CircuitBreaker;
import dev.evalbench.core.route.limit.RouteLimiter;
import dev.evalbench.core.route.retry.RetryBudget;
import dev.evalbench.core.route.retry.RetryPolicy;
import dev.evalbench.core.workspace.RouteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.util.Map;

/**
 * Everything the router keeps about one route for the length of a run: its breaker, whether the server refused it,
 * its limiter, retry policy and budget, and its provider. The provider is built on first use, so a route that is
 * never called never needs its key; a failed build is remembered and reported on every call to the route.
 * Thread-safe.
 */
final class RouteState {
    /** Used when neither the route nor the caller sets a timeout. */
    static final long DEFAULT_TIMEOUT_MS = 60_000;

    final RouteSpec spec;
    final CircuitBreaker breaker;
    final RouteRefusal refusal;
    final RouteLimiter limiter;
    final RetryPolicy retry;
    final RetryBudget budget;
    private final ProviderFactory factory;
    private final KeyScrubber keys;
    private ModelProvider provider;
    private ProviderException buildFailure;

    RouteState(RouteSpec spec, ProviderFactory factory, RouterOptions options, KeyScrubber keys) {
        this.spec = spec;
        this.factory = factory;
        this.keys = keys;
        this.breaker = new CircuitBreaker(spec.name(), spec.breaker(), options.clock(), options.events(), options.masking());
        this.refusal = new RouteRefusal(spec.name(), options.clock(), options.events(), options.masking());
        this.limiter = new RouteLimiter(spec.limits(), options.clock());
        this.retry = RetryPolicy.of(spec.retries(), options.jitter());
        this.budget = new RetryBudget(spec.retries() == null ? 0 : spec.retries().budget());
    }

    synchronized ModelProvider provider(Workspace workspace, Map<String, String> env) throws ProviderException {
        if (provider == null && buildFailure == null) {
            if (factory == null) {
                buildFailure = new ProviderException(FailureKind.INTERNAL,
                        "route " + spec.name() + ": no provider named '" + spec.provider() + "'");
            } else {
                try {
                    provider = new KeyScreenedProvider(spec.name(), factory.create(spec, workspace, env), keys);
                } catch (ProviderException e) {
                    buildFailure = new ProviderException(e.kind(), keys.scrub(e.getMessage()), e.httpStatus(), -1, null);
                }
            }
        }
        if (buildFailure != null) {
            throw new ProviderException(buildFailure.kind(), buildFailure.getMessage(), buildFailure.httpStatus(), -1, null);
        }
        return provider;
    }

    /**
     * The request as this route sends it: the route's model and params (never the caller's, which may have
     * been meant for another route of the chain), the caller's messages, schema and traceparent, and the
     * route's timeout, else the caller's, else {@value #DEFAULT_TIMEOUT_MS} ms.
     */
    ModelRequest requestFor(ModelRequest caller) {
        long timeout = spec.timeoutMs() != null ? spec.timeoutMs()
                : caller.timeoutMs() > 0 ? caller.timeoutMs() : DEFAULT_TIMEOUT_MS;
        return new ModelRequest(spec.model(), caller.messages(), spec.params(), caller.outputSchema(),
                caller.traceparent(), timeout);
    }

    /** Tokens times this route's prices; 0 for a route without prices. */
    double cost(ModelResponse response) {
        RouteSpec.Price price = spec.price();
        if (price == null) {
            return 0;
        }
        return response.tokensIn() * price.inputPerMtok() / 1e6 + response.tokensOut() * price.outputPerMtok() / 1e6;
    }
}
