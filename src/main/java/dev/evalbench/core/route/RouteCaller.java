package dev.evalbench.core.route;

import dev.evalbench.core.provider.ModelRequest;

/**
 * Calls a route for one case: retries, fallbacks, breakers, limits and cache live behind this. Thread-safe;
 * called from many worker threads. It never throws for provider trouble: that is a {@link CallResult} with
 * a failure. {@code bypassCache} is set for --repeat samples after the first.
 */
public interface RouteCaller extends AutoCloseable {
    CallResult call(String route, ModelRequest request, boolean bypassCache);

    /** Releases connections and threads. */
    @Override
    void close();
}
