package dev.evalbench.core.provider.http;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The one place an {@link OkHttpClient} for model calls is configured. A router owns one client for all its
 * routes, so connections are pooled across cases.
 *
 * <p>Choices, and why:
 * <ul>
 *   <li>Dispatcher and pool sized for {@link #MAX_CONCURRENT_CALLS} calls in flight, all possibly to one host
 *       (OkHttp's defaults, 64 calls and 5 per host, would serialise a run at concurrency 64).</li>
 *   <li>No read, write or call timeout on the client: each call sets its own from the route's {@code timeout_ms}.</li>
 *   <li>No transparent retry on connection failure: the router retries and records every attempt.</li>
 *   <li>Idle connections kept {@link #IDLE_CONNECTION_MS} only. Servers close theirs after a few seconds (gunicorn
 *       2, uvicorn and Node 5), and OkHttp checks that a pooled connection is still open only after 10 s idle: a
 *       retry after a 429's Retry-After of 2 s went out on a connection the server had closed and failed as
 *       CONNECTION ("unexpected end of stream"), a retry spent and a failure in the breaker's window for a request
 *       no server saw. Without the transparent retry nothing resends it, and resending a request that may have
 *       reached the server is what the router alone decides. Calls of a run follow each other within
 *       milliseconds, so they still share connections.</li>
 *   <li>No redirects: a route talks to its configured host only, and a key is never replayed elsewhere.</li>
 * </ul>
 * Tests add an event listener or a DNS through {@link #newBuilder()} to watch every destination.
 */
public final class HttpClients {
    /** Upper bound of concurrent calls the dispatcher lets through, in total and per host. */
    public static final int MAX_CONCURRENT_CALLS = 256;
    private static final int MAX_IDLE_CONNECTIONS = 128;
    /** How long an idle connection is kept for the next call: under the 2 s after which gunicorn closes its own. */
    static final long IDLE_CONNECTION_MS = 1_000;

    private HttpClients() {}

    /** A builder with the settings above, TLS included; callers may add listeners before {@code build()}. */
    public static OkHttpClient.Builder newBuilder() {
        return newBuilder(true);
    }

    /**
     * As {@link #newBuilder()}; without {@code tls} the client speaks plain HTTP only. OkHttp loads the JDK's
     * trust store and security providers when it builds a client that may speak TLS: 44 ms of a command's start,
     * for nothing when every route is a local model on {@code http://} (docs/performance.md).
     */
    public static OkHttpClient.Builder newBuilder(boolean tls) {
        OkHttpClient.Builder builder = builder();
        return tls ? builder : builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }

    /**
     * Whether calls to these base URLs (null for routes that call no server) need TLS: any that is not plain
     * {@code http://}, whatever its case.
     */
    public static boolean tlsNeeded(Collection<String> baseUrls) {
        return baseUrls.stream().anyMatch(url -> url != null && !url.regionMatches(true, 0, "http://", 0, 7));
    }

    private static OkHttpClient.Builder builder() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(MAX_CONCURRENT_CALLS);
        dispatcher.setMaxRequestsPerHost(MAX_CONCURRENT_CALLS);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS, IDLE_CONNECTION_MS, TimeUnit.MILLISECONDS))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .callTimeout(Duration.ZERO)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false);
    }

    /** Stops the dispatcher's threads and closes pooled connections, so a CLI process can exit at once. */
    public static void shutdown(OkHttpClient client) {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
