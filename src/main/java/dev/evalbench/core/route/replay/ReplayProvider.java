package dev.evalbench.core.route.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ModelProvider;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.provider.ProviderFactory;
import dev.evalbench.core.route.cache.CacheKeys;
import dev.evalbench.core.route.cache.ResponseCache;
import dev.evalbench.core.workspace.RouteSpec;
import dev.evalbench.core.workspace.Workspace;

/**
 * Answers from recorded outputs: the response cache, looked up with the key the recorded route would have
 * used. A replay route names that route in {@code params.replays}:
 * <pre>
 *   replay-openai: {provider: replay, model: gpt-4o-mini, params: {replays: openai}}
 * </pre>
 * The key is computed from the recorded route's provider, base URL, model and params, and the request's
 * messages and output schema, so a replay answers exactly the calls the recorded route answered. No recorded
 * answer is {@link FailureKind#REPLAY_MISS}. The answer comes back as recorded, tokens and latency included.
 * Replay reads the cache database whatever the run's cache mode. Thread-safe; the cache is not owned.
 */
public final class ReplayProvider implements ModelProvider {
    public static final String NAME = "replay";
    /** The param naming the route whose recordings are replayed. */
    public static final String REPLAYS = "replays";

    private final ResponseCache cache;
    private final RouteSpec recorded;
    private final Workspace workspace;

    private ReplayProvider(ResponseCache cache, RouteSpec recorded, Workspace workspace) {
        this.cache = cache;
        this.recorded = recorded;
        this.workspace = workspace;
    }

    /** {@code cache} may be null when the router has no cache database: every replay route then fails. */
    public static ProviderFactory factory(ResponseCache cache) {
        return (route, workspace, env) -> {
            JsonNode replays = route.params() == null ? null : route.params().get(REPLAYS);
            if (replays == null || !replays.isTextual()) {
                throw new ProviderException(FailureKind.CLIENT_ERROR,
                        "route " + route.name() + ": a replay route names the recorded route in params." + REPLAYS);
            }
            RouteSpec recorded = workspace.routes().get(replays.asText());
            if (recorded == null || recorded.provider().equals(NAME)) {
                throw new ProviderException(FailureKind.CLIENT_ERROR, "route " + route.name() + ": params." + REPLAYS
                        + " must name a route that is not itself a replay, not '" + replays.asText() + "'");
            }
            if (cache == null) {
                throw new ProviderException(FailureKind.REPLAY_MISS,
                        "route " + route.name() + ": no cache database to replay from");
            }
            return new ReplayProvider(cache, recorded, workspace);
        };
    }

    @Override
    public ModelResponse complete(ModelRequest request) throws ProviderException {
        String key = CacheKeys.forRoute(recorded, workspace, request.messages(), request.outputSchema());
        return cache.get(key).orElseThrow(() -> new ProviderException(FailureKind.REPLAY_MISS,
                "no recorded answer of route " + recorded.name() + " for this request (key " + key.substring(0, 12) + ")"));
    }
}
