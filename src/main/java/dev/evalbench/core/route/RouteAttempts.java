package dev.evalbench.core.route;

import dev.evalbench.core.route.time.RouterClock;
import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ModelProvider;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.route.replay.ReplayProvider;
import dev.evalbench.core.route.breaker.CallVerdict;
import dev.evalbench.core.route.breaker.CircuitBreaker;
import dev.evalbench.core.route.cache.CacheKeys;
import dev.evalbench.core.route.cache.ResponseCache;
import dev.evalbench.core.route.limit.RouteLimiter;
import dev.evalbench.core.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Serves one call on one route, fallbacks aside: the cache first, then attempts through the breaker and the
 * limiter, with backoff between retries while the failure is retryable, attempts remain and the route's
 * budget allows. Appends one {@link Attempt} per provider call; a cache hit, a refusal by an open breaker and
 * a provider that could not be built are each recorded as one attempt too, so every route a call visits
 * leaves at least one attempt and {@link CallResult#retries()} counts true retries only.
 * A thread interrupt ends the call as CANCELLED with the interrupt flag left set. Thread-safe.
 */
final class RouteAttempts {
    private final Workspace workspace;
    private final Map<String, String> env;
    private final ResponseCache cache;
    private final CacheMode cacheMode;
    private final RouterClock clock;

    RouteAttempts(Workspace workspace, Map<String, String> env, ResponseCache cache, CacheMode cacheMode, RouterClock clock) {
        this.workspace = workspace;
        this.env = env;
        this.cache = cache;
        this.cacheMode = cacheMode;
        this.clock = clock;
    }

    RouteOutcome serve(RouteState route, ModelRequest caller, boolean bypassCache, List<Attempt> attempts) {
        String name = route.spec.name();
        ModelRequest request = route.requestFor(caller);
        // A replay route reads the cache itself; caching its answers again would only copy them. A scripted
        // model computes its answer for free and deterministically: caching it would only add I/O and noise.
        boolean cached = cache != null && cacheMode != CacheMode.OFF && !route.spec.provider().equals(ReplayProvider.NAME)
                && !route.spec.provider().equals("scripted");
        String key = cached ? CacheKeys.forRoute(route.spec, workspace, request.messages(), request.outputSchema()) : null;
        if (key != null && !bypassCache) {
            Optional<ModelResponse> hit = cache.get(key);
            if (hit.isPresent()) {
                attempts.add(new Attempt(name, 1, "ok", null, 0, "cache hit"));
                return RouteOutcome.answered(name, hit.get(), true);
            }
        }
        ModelProvider provider;
        try {
            provider = route.provider(workspace, env);
        } catch (ProviderException e) {
            attempts.add(new Attempt(name, 1, e.kind().name(), e.httpStatus(), 0, e.getMessage()));
            return RouteOutcome.failed(name, e.kind(), e.getMessage());
        }
        int tokens = RouteLimiter.estimateTokens(request.messages());
        for (int number = 1; ; number++) {
            String refused = route.refusal.why();
            if (refused != null) {
                // Not sent, as with an open breaker: the fallbacks take over, and a case no route sent stays for resume.
                String message = "route " + name + " not called: " + refused;
                attempts.add(new Attempt(name, number, FailureKind.CIRCUIT_OPEN.name(), null, 0, message));
                return RouteOutcome.failed(name, FailureKind.CIRCUIT_OPEN, message);
            }
            CircuitBreaker.Permit permit = route.breaker.tryAcquire();
            if (!permit.granted()) {
                if (number > 1) {
                    route.budget.giveBack(); // the retry taken for this attempt was never sent
                }
                String message = CircuitBreaker.refusal(name);
                attempts.add(new Attempt(name, number, FailureKind.CIRCUIT_OPEN.name(), null, 0, message));
                return RouteOutcome.failed(name, FailureKind.CIRCUIT_OPEN, message);
            }
            Tried tried = attemptOnce(route, provider, request, tokens, permit, number, attempts);
            if (tried.response() != null) {
                if (key != null && cacheMode.writes()) {
                    cache.put(key, tried.response());
                }
                return RouteOutcome.answered(name, tried.response(), false);
            }
            ProviderException failure = tried.failure();
            String stop = whyNoRetry(route, number, failure);
            if (stop != null) {
                return RouteOutcome.failed(name, failure.kind(), failure.getMessage() + stop);
            }
            long delay = route.retry.delayBefore(number, failure.retryAfterMs());
            try {
                clock.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return RouteOutcome.failed(name, FailureKind.CANCELLED, "cancelled while waiting to retry route " + name);
            }
        }
    }

    /** One provider call's end: exactly one of the two is set. */
    private record Tried(ModelResponse response, ProviderException failure) {}

    /** One provider call, through the limiter; records the attempt and tells the breaker. */
    private Tried attemptOnce(RouteState route, ModelProvider provider, ModelRequest request, int tokens,
                               CircuitBreaker.Permit permit, int number, List<Attempt> attempts) {
        String name = route.spec.name();
        ProviderException failure;
        long latency = 0;
        try (RouteLimiter.Lease lease = route.limiter.acquire(tokens)) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            long start = clock.nanoTime();
            try {
                ModelResponse response = provider.complete(request);
                latency = elapsedMs(start);
                route.breaker.record(permit, CallVerdict.SUCCESS, latency);
                route.refusal.answered();
                attempts.add(new Attempt(name, number, "ok", null, latency, null));
                return new Tried(response, null);
            } catch (ProviderException e) {
                latency = elapsedMs(start);
                failure = e;
            } catch (RuntimeException e) {
                latency = elapsedMs(start);
                failure = new ProviderException(FailureKind.INTERNAL,
                        "provider of route " + name + " failed unexpectedly: " + e, null, -1, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new ProviderException(FailureKind.CANCELLED, "cancelled before calling route " + name);
        }
        route.breaker.record(permit, CallVerdict.of(failure.kind()), latency, FailureWords.of(failure));
        route.refusal.failed(failure);
        attempts.add(new Attempt(name, number, failure.kind().name(), failure.httpStatus(), latency, failure.getMessage()));
        return new Tried(null, failure);
    }

    /** Null when another attempt may follow; otherwise why not, as a note for the failure message. */
    private static String whyNoRetry(RouteState route, int number, ProviderException failure) {
        if (!failure.kind().retryable()) {
            return "";
        }
        if (number >= route.retry.maxAttempts()) {
            return number > 1 ? " (after " + number + " attempts)" : "";
        }
        if (!route.retry.accepts(failure.retryAfterMs())) {
            return " (server asks to wait " + failure.retryAfterMs() + " ms, longer than the route's max_delay_ms)";
        }
        if (!route.budget.tryTake()) {
            return " (retry budget of route " + route.spec.name() + " is spent)";
        }
        return null;
    }

    private long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - startNanos);
    }
}
