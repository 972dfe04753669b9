package dev.evalbench.core.route;

import dev.evalbench.core.workspace.Workspace;

/** Builds the {@link RouteCaller} of a run. */
public final class RouteCallers {
    private RouteCallers() {}

    /**
     * A router over the workspace's routes. Build one per run: retry budgets and breakers live as long as the
     * router. Opens the cache database when the cache mode reads or writes, or when a route is a replay;
     * a database that cannot be opened is a {@link dev.evalbench.core.route.cache.CacheException}, a cache
     * that is needed but has no file an IllegalArgumentException. Close the router when the run ends.
     */
    public static Router create(Workspace workspace, RouterOptions options) {
        return new Router(workspace, options);
    }
}
