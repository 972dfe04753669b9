package dev.evalbench.core.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.workspace.RouteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Routes, workspaces and requests for router and provider tests. */
public final class RouteFixtures {
    public static final JsonNode SCHEMA = json("""
            {"type":"object","required":["category"],"additionalProperties":false,
             "properties":{"category":{"type":"string","enum":["billing","other"]}}}""");

    private RouteFixtures() {}

    public static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static ObjectNode params(String text) {
        return (ObjectNode) json(text);
    }

    /** A route with a 2 s timeout, prices 1.0 / 2.0 per Mtok, and nothing else set. */
    public static RouteSpec route(String name, String provider, String baseUrl) {
        return new RouteSpec(name, provider, "model-" + name, baseUrl, null, null, null, 2000, null, List.of(),
                null, null, new RouteSpec.Price(1.0, 2.0));
    }

    public static RouteSpec withKey(RouteSpec r, String apiKeyEnv) {
        return new RouteSpec(r.name(), r.provider(), r.model(), r.baseUrl(), apiKeyEnv, r.script(), r.params(),
                r.timeoutMs(), r.retries(), r.fallbacks(), r.breaker(), r.limits(), r.price());
    }

    public static RouteSpec withParams(RouteSpec r, ObjectNode params) {
        return new RouteSpec(r.name(), r.provider(), r.model(), r.baseUrl(), r.apiKeyEnv(), r.script(), params,
                r.timeoutMs(), r.retries(), r.fallbacks(), r.breaker(), r.limits(), r.price());
    }

    public static RouteSpec withTimeout(RouteSpec r, int timeoutMs) {
        return new RouteSpec(r.name(), r.provider(), r.model(), r.baseUrl(), r.apiKeyEnv(), r.script(), r.params(),
                timeoutMs, r.retries(), r.fallbacks(), r.breaker(), r.limits(), r.price());
    }

    public static RouteSpec withRetries(RouteSpec r, int maxAttempts, long baseMs, long maxMs, int budget) {
        return new RouteSpec(r.name(), r.provider(), r.model(), r.baseUrl(), r.apiKeyEnv(), r.script(), r.params(),
                r.timeoutMs(), new RouteSpec.Retry(maxAttempts, baseMs, maxMs, budget), r.fallbacks(), r.breaker(),
                r.limits(), r.price());
    }

    public static RouteSpec withFallbacks(RouteSpec r, String... fallbacks) {
        return new RouteSpec(r.name(), r.provider(), r.model(), r.baseUrl(), r.apiKeyEnv(), r.script(), r.params(),
                r.timeoutMs(), r.retries(), List.of(fallbacks), r.breaker(), r.limits(), r.price());
    }

    public static RouteSpec withBreaker(RouteSpec r, RouteSpec.Breaker breaker) {
        return new RouteSpec(r.name(), r.provider(), r.model(), r.baseUrl(), r.apiKeyEnv(), r.script(), r.params(),
                r.timeoutMs(), r.retries(), r.fallbacks(), breaker, r.limits(), r.price());
    }

    public static RouteSpec withLimits(RouteSpec r, RouteSpec.Limits limits) {
        return new RouteSpec(r.name(), r.provider(), r.model(), r.baseUrl(), r.apiKeyEnv(), r.script(), r.params(),
                r.timeoutMs(), r.retries(), r.fallbacks(), r.breaker(), limits, r.price());
    }

    public static Workspace workspace(RouteSpec... routes) {
        Map<String, RouteSpec> byName = new LinkedHashMap<>();
        for (RouteSpec r : routes) {
            byName.put(r.name(), r);
        }
        return new Workspace("test", "router tests", null, routes[0].name(), List.of(), "", List.of(), Map.of(),
                byName, null, List.of(), Map.of());
    }

    /** The request as the router hands it to the route's provider: the route's model, params and timeout. */
    public static ModelRequest requestFor(RouteSpec route, String user) {
        ModelRequest r = request(user);
        return new ModelRequest(route.model(), r.messages(), route.params(), r.outputSchema(), r.traceparent(),
                route.timeoutMs());
    }

    /** A system and a user message, the output schema, a traceparent; model and params as the router replaces them. */
    public static ModelRequest request(String user) {
        return new ModelRequest("ignored-model", List.of(new Message("system", "You triage tickets."),
                new Message("user", user)), null, SCHEMA, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", 0);
    }
}
