package dev.evalbench.core.route;

import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.FallbackTaken;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ProviderFactory;
import dev.evalbench.core.provider.http.HttpClients;
import dev.evalbench.core.provider.http.HttpProviderFactories;
import dev.evalbench.core.route.replay.ReplayProvider;
import dev.evalbench.core.secret.KeyScrubber;
import dev.evalbench.core.route.cache.CacheException;
import dev.evalbench.core.route.cache.ResponseCache;
import dev.evalbench.core.workspace.RouteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * The {@link RouteCaller} of a run: per route a breaker, limits, retries and a budget (see
 * {@link RouteAttempts}), the response cache, and fallback chains.
 *
 * <p>Fallbacks: when a route ends in failure (after its retries) or its breaker is open, the routes in its
 * {@code fallbacks} are tried in order, each with its own fallbacks first (depth first), never a route twice
 * in one call, so cycles end. Each hop is a {@link FallbackTaken} from the route that just failed, with the
 * reason "circuit_open" or the failure kind's name. A cancelled call takes no fallback.
 *
 * <p>Each route sends its own model and params: the caller's {@code model} and {@code params} are not used.
 * The caller's timeout is used only for a route that sets none.
 *
 * <p>Cache: a hit answers with the recorded response as stored (its tokens and latency), {@code cacheHit}
 * true, no retries, and costs the recorded tokens at the answering route's prices: the cost of the answer,
 * not money spent in this run, so a cached run compares with its baseline like the live one did.
 *
 * <p>Providers: each route's provider is built by the kind its {@code provider} names in
 * {@link RouterOptions#providers()}; a name the registry lacks fails every call of that route.
 *
 * <p>Never throws for provider trouble; a cache database failure mid-run is an INTERNAL failure of the call.
 * Thread-safe. Owns the cache connection and, unless one was passed in, the HTTP client; {@link #close()}
 * releases both.
 */
public final class Router implements RouteCaller {
    private final Map<String, RouteState> routes = new HashMap<>();
    private final RouteAttempts attempts;
    private final ResponseCache cache;
    private final OkHttpClient httpClient;
    private final boolean ownsHttpClient;
    private final KeyScrubber keys;

    Router(Workspace workspace, RouterOptions options) {
        boolean replays = workspace.routes().values().stream().anyMatch(r -> r.provider().equals(ReplayProvider.NAME));
        boolean needsCache = options.cacheMode() != CacheMode.OFF || replays;
        if (needsCache && options.cacheDb() == null) {
            throw new IllegalArgumentException("cache mode " + options.cacheMode().label()
                    + (replays ? " and replay routes need" : " needs") + " a cache database file");
        }
        this.ownsHttpClient = options.httpClient() == null;
        // One client for every route: TLS unless every route is plain http:// or calls no server.
        this.httpClient = ownsHttpClient ? HttpClients.newBuilder(HttpClients.tlsNeeded(workspace.routes().values().stream()
                .map(HttpProviderFactories::effectiveBaseUrl).toList())).build()
                : options.httpClient();
        this.cache = needsCache ? ResponseCache.open(options.cacheDb()) : null;
        Map<String, ProviderFactory> factories = options.providers()
                .bind(new ProviderRegistry.Resources(httpClient, cache, Clock.systemUTC()));
        this.keys = configuredKeys(workspace, options.env());
        for (RouteSpec spec : workspace.routes().values()) {
            routes.put(spec.name(), new RouteState(spec, factories.get(spec.provider()), options, keys));
        }
        this.attempts = new RouteAttempts(workspace, options.env(), cache, options.cacheMode(), options.clock());
    }

    @Override
    public CallResult call(String route, ModelRequest request, boolean bypassCache) {
        List<Attempt> tried = new ArrayList<>();
        List<FallbackTaken> fallbacks = new ArrayList<>();
        RouteOutcome outcome;
        try {
            outcome = serve(route, request, bypassCache, new HashSet<>(), tried, fallbacks);
        } catch (CacheException e) {
            outcome = RouteOutcome.failed(tried.isEmpty() ? route : tried.get(tried.size() - 1).route(),
                    FailureKind.INTERNAL, e.getMessage());
        }
        if (outcome.ok() && outcome.cacheHit() && keys.found(outcome.response().text())) {
            // A cache written before keys were screened, or under another key set: never hand its text on.
            outcome = RouteOutcome.failed(outcome.route(), FailureKind.SECRET_IN_OUTPUT,
                    KeyScreenedProvider.secretIn(outcome.route()).getMessage());
        }
        List<Attempt> screened = tried.stream().map(a -> a.message() == null ? a
                : new Attempt(a.route(), a.number(), a.outcome(), a.httpStatus(), a.latencyMs(), keys.scrub(a.message()))).toList();
        RouteState used = routes.get(outcome.route());
        String provider = used == null ? null : used.spec.provider();
        String model = used == null ? null : used.spec.model();
        if (outcome.ok()) {
            return new CallResult(outcome.response(), null, null, outcome.route(), provider, model,
                    screened, List.copyOf(fallbacks), outcome.cacheHit(), used.cost(outcome.response()));
        }
        return new CallResult(null, outcome.failure(), keys.scrub(outcome.message()), outcome.route(), provider, model,
                screened, List.copyOf(fallbacks), false, 0);
    }

    private RouteOutcome serve(String name, ModelRequest request, boolean bypassCache, Set<String> visited,
                               List<Attempt> tried, List<FallbackTaken> fallbacks) {
        visited.add(name);
        RouteState route = routes.get(name);
        if (route == null) {
            String message = "no route named '" + name + "'";
            tried.add(new Attempt(name, 1, FailureKind.INTERNAL.name(), null, 0, message));
            return RouteOutcome.failed(name, FailureKind.INTERNAL, message);
        }
        RouteOutcome outcome = attempts.serve(route, request, bypassCache, tried);
        List<String> next = route.spec.fallbacks() == null ? List.of() : route.spec.fallbacks();
        for (String fallback : next) {
            if (outcome.endsCall()) {
                return outcome;
            }
            if (visited.contains(fallback)) {
                continue;
            }
            fallbacks.add(new FallbackTaken(outcome.route(), fallback, outcome.fallbackReason()));
            outcome = serve(fallback, request, bypassCache, visited, tried, fallbacks);
        }
        return outcome;
    }

    /**
     * Every key and secret header value the workspace's routes name that is set in the environment: a model may echo any of them,
     * not only its own route's.
     */
    public static KeyScrubber configuredKeys(Workspace workspace, Map<String, String> env) {
        List<String> values = new ArrayList<>();
        for (RouteSpec spec : workspace.routes().values()) {
            if (spec.apiKeyEnv() != null && env.get(spec.apiKeyEnv()) != null) {
                values.add(env.get(spec.apiKeyEnv()));
            }
            // A gateway's secret header is a key like the API key: screened and scrubbed the same way.
            for (String variable : spec.http().secretHeaders().values()) {
                if (env.get(variable) != null) values.add(env.get(variable));
            }
        }
        return KeyScrubber.of(values);
    }

    /** The breaker state of a route ("closed", "open", "half-open"), for progress displays and tests. */
    public String breakerState(String route) {
        RouteState state = routes.get(route);
        if (state == null) {
            throw new IllegalArgumentException("no route named '" + route + "'");
        }
        return state.breaker.state();
    }

    /** Retries the route may still make in this run. */
    public int retryBudgetLeft(String route) {
        RouteState state = routes.get(route);
        if (state == null) {
            throw new IllegalArgumentException("no route named '" + route + "'");
        }
        return state.budget.remaining();
    }

    @Override
    public void close() {
        try {
            if (ownsHttpClient) {
                HttpClients.shutdown(httpClient);
            }
        } finally {
            if (cache != null) {
                cache.close();
            }
        }
    }
}
