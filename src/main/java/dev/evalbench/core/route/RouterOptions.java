package dev.evalbench.core.route;

import dev.evalbench.core.route.time.RouterClock;
import dev.evalbench.core.record.RunEvent;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;

/**
 * How to build a {@link Router}. Immutable; change a copy with the {@code with*} methods.
 *
 * @param env            the environment API keys are read from, by the variable a route names
 * @param providers      the provider kinds routes may name; {@link ProviderRegistry#builtIn()} by default
 * @param cacheMode      how live answers are cached
 * @param cacheDb        the cache file; may be null only when the mode is off and no route is a replay
 * @param events         receives breaker state changes, from worker threads; must be quick and thread-safe
 * @param clock          time for backoff, limits, latencies and event stamps
 * @param jitter         values in [0, 1) for backoff jitter
 * @param httpClient     a client to use instead of the router's own (not closed by the router); null: the
 *                       router builds one with {@link dev.evalbench.core.provider.http.HttpClients} and owns it
 * @param masking        masks a server's words (its explanation of a refusal) before the router writes them into an
 *                       event, which the terminal and the window show as it happens: a server may echo what it was
 *                       sent, and a case's restricted values must not reach a CI log that way. Identity by default;
 *                       called rarely (once a route is refused), from worker threads; must be thread-safe
 */
public record RouterOptions(
        Map<String, String> env,
        ProviderRegistry providers,
        CacheMode cacheMode,
        Path cacheDb,
        Consumer<RunEvent> events,
        RouterClock clock,
        DoubleSupplier jitter,
        OkHttpClient httpClient,
        UnaryOperator<String> masking) {

    public RouterOptions {
        env = Map.copyOf(env);
        if (providers == null || cacheMode == null || events == null || clock == null || jitter == null || masking == null) {
            throw new IllegalArgumentException("providers, cacheMode, events, clock, jitter and masking are required");
        }
    }

    /** Real time, read-write cache at {@link #defaultCacheDb}, the built-in providers, events dropped, nothing masked. */
    public static RouterOptions defaults(Path workspaceRoot, Map<String, String> env) {
        return new RouterOptions(env, ProviderRegistry.builtIn(), CacheMode.READ_WRITE, defaultCacheDb(workspaceRoot), e -> { },
                RouterClock.SYSTEM, () -> ThreadLocalRandom.current().nextDouble(), null, UnaryOperator.identity());
    }

    /** {@code <workspace>/.evalbench/cache.db}. */
    public static Path defaultCacheDb(Path workspaceRoot) {
        return workspaceRoot.resolve(".evalbench").resolve("cache.db");
    }

    public RouterOptions withProviders(ProviderRegistry registry) {
        return new RouterOptions(env, registry, cacheMode, cacheDb, events, clock, jitter, httpClient, masking);
    }

    public RouterOptions withCacheMode(CacheMode mode) {
        return new RouterOptions(env, providers, mode, cacheDb, events, clock, jitter, httpClient, masking);
    }

    public RouterOptions withCacheDb(Path file) {
        return new RouterOptions(env, providers, cacheMode, file, events, clock, jitter, httpClient, masking);
    }

    public RouterOptions withEvents(Consumer<RunEvent> sink) {
        return new RouterOptions(env, providers, cacheMode, cacheDb, sink, clock, jitter, httpClient, masking);
    }

    public RouterOptions withClock(RouterClock time) {
        return new RouterOptions(env, providers, cacheMode, cacheDb, events, time, jitter, httpClient, masking);
    }

    public RouterOptions withJitter(DoubleSupplier source) {
        return new RouterOptions(env, providers, cacheMode, cacheDb, events, clock, source, httpClient, masking);
    }

    public RouterOptions withMasking(UnaryOperator<String> mask) {
        return new RouterOptions(env, providers, cacheMode, cacheDb, events, clock, jitter, httpClient, mask);
    }

    public RouterOptions withHttpClient(OkHttpClient client) {
        return new RouterOptions(env, providers, cacheMode, cacheDb, events, clock, jitter, client, masking);
    }
}
