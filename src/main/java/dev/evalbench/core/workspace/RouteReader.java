package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads routes.yaml: environment references resolved first (so {@code provider: ${P:-openai}} works), then the
 * schema, then the cross-route checks (fallbacks name routes; script only on scripted routes, and each script
 * is a valid scripted model).
 */
final class RouteReader {
    /**
     * The routes by name in file order, with the tree kept to locate later errors, and the variables each route
     * names that the environment lacks ({@link UnsetVariable}).
     */
    record Routes(LocatedTree tree, Map<String, RouteSpec> byName, Map<String, List<UnsetVariable>> unset) {}

    private RouteReader() {}

    /** Null when the file is missing or does not conform (errors recorded). */
    static Routes read(LoadContext ctx, String path, Map<String, String> env) {
        byte[] bytes = ctx.readRequired(path, "its model routes, one of them the default_route");
        if (bytes == null) return null;
        LocatedTree tree = ctx.parseYaml(path, bytes);
        if (tree == null) return null;
        int errorsBefore = ctx.errorCount();
        EnvInterpolator.Resolved resolved = EnvInterpolator.resolveRoutes(tree, env, apiKeyVariables(tree.root()), ctx);
        boolean referencesResolved = ctx.errorCount() == errorsBefore;
        if (!ctx.conforms(tree, WorkspaceSchemas.ROUTES, resolved.unresolved()) || !referencesResolved) return null;
        Map<String, RouteSpec> byName = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> routes = tree.root().get("routes").fields();
        while (routes.hasNext()) {
            Map.Entry<String, JsonNode> route = routes.next();
            byName.put(route.getKey(), route(route.getKey(), route.getValue()));
        }
        int before = ctx.errorCount();
        check(ctx, tree, byName, resolved.unset().keySet());
        return ctx.errorCount() == before ? new Routes(tree, byName, resolved.unset()) : null;
    }

    private static Set<String> apiKeyVariables(JsonNode root) {
        Set<String> names = new HashSet<>();
        root.path("routes").forEach(route -> {
            JsonNode name = route.get("api_key_env");
            if (name != null && name.isTextual()) names.add(name.asText());
            // A secret header's variable is a key like any other: it must not be interpolated anywhere.
            route.path("secret_headers").forEach(variable -> {
                if (variable.isTextual()) names.add(variable.asText());
            });
        });
        return names;
    }

    private static RouteSpec route(String name, JsonNode r) {
        // Null unless an object: a whole setting written as an unset ${NAME} holds that text.
        JsonNode retries = object(r, "retries");
        JsonNode breaker = object(r, "breaker");
        JsonNode limits = object(r, "limits");
        JsonNode price = object(r, "price");
        String script = Trees.text(r, "script");
        return new RouteSpec(name,
                Trees.text(r, "provider"),
                Trees.text(r, "model"),
                Trees.text(r, "base_url"),
                Trees.text(r, "api_key_env"),
                script == null ? null : WorkspacePaths.normalize(script),
                (ObjectNode) object(r, "params"),
                Trees.integer(r, "timeout_ms"),
                retries == null ? null : new RouteSpec.Retry(retries.get("max_attempts").asInt(),
                        retries.path("base_delay_ms").asLong(500), retries.path("max_delay_ms").asLong(8000),
                        retries.path("budget").asInt(100)),
                r.has("fallbacks") ? Trees.strings(r, "fallbacks") : null,
                breaker == null ? null : new RouteSpec.Breaker(breaker.get("window").asInt(),
                        breaker.get("min_calls").asInt(), breaker.get("error_rate").asDouble(),
                        Trees.longValue(breaker, "sla_ms"), breaker.get("open_ms").asLong(),
                        breaker.path("half_open_probes").asInt(1)),
                limits == null ? null : new RouteSpec.Limits(Trees.integer(limits, "concurrency"),
                        Trees.integer(limits, "requests_per_minute"), Trees.integer(limits, "tokens_per_minute")),
                price == null ? null : new RouteSpec.Price(price.get("input_per_mtok").asDouble(),
                        price.get("output_per_mtok").asDouble()),
                Trees.longValue(r, "max_response_bytes"),
                new RouteSpec.Http(stringMap(r.get("headers")), stringMap(r.get("secret_headers")),
                        Trees.text(r, "api_version"), Trees.text(r, "ca_file")));
    }

    private static JsonNode object(JsonNode route, String field) {
        JsonNode value = route.get(field);
        return value != null && value.isObject() ? value : null;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null) {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    /**
     * The checks across a route's settings and across routes. A route with an unset variable is left out: some
     * setting still holds a reference's text, so what these checks say of it would be about that text (a
     * {@code ${PROVIDER}} is no scripted provider); it is checked whole once the variable is set.
     */
    private static void check(LoadContext ctx, LocatedTree tree, Map<String, RouteSpec> byName, Set<String> unsetRoutes) {
        ScriptedModelCheck scripts = new ScriptedModelCheck(ctx);
        String known = String.join(", ", byName.keySet());
        for (RouteSpec route : byName.values()) {
            if (unsetRoutes.contains(route.name())) continue;
            String at = JsonPointers.child("/routes", route.name());
            if (route.script() != null && !route.provider().equals("scripted")) {
                ctx.add(tree.errorAtKey(at + "/script", "\"script\" applies only to scripted routes (route \""
                        + route.name() + "\" has provider " + route.provider() + ")"));
            } else if (route.script() != null) {
                scripts.check(route.script(), tree, at + "/script");
            }
            String baseUrl = BaseUrlCheck.problem(route);
            if (baseUrl != null) ctx.add(tree.errorAt(at + "/base_url", baseUrl));
            if (route.http().apiVersion() != null && !route.provider().equals("azure")) {
                ctx.add(tree.errorAtKey(at + "/api_version", "\"api_version\" applies only to azure routes (route \""
                        + route.name() + "\" has provider " + route.provider() + ")"));
            }
            List<String> fallbacks = route.fallbacks() == null ? List.of() : route.fallbacks();
            for (int i = 0; i < fallbacks.size(); i++) {
                String fallback = fallbacks.get(i);
                String where = at + "/fallbacks/" + i;
                if (fallback.equals(route.name())) {
                    ctx.add(tree.errorAt(where, "route \"" + route.name() + "\" cannot fall back to itself"));
                } else if (!byName.containsKey(fallback)) {
                    ctx.add(tree.errorAt(where, "unknown route \"" + fallback + "\" ("
                            + dev.evalbench.core.text.NearestNames.didYouMean(fallback, byName.keySet())
                            + "routes: " + known + ")"));
                }
            }
            if (route.retries() != null && route.retries().baseDelayMs() > route.retries().maxDelayMs()) {
                ctx.add(tree.errorAt(at + "/retries", "\"base_delay_ms\" (" + route.retries().baseDelayMs()
                        + ") must not exceed \"max_delay_ms\" (" + route.retries().maxDelayMs() + ")"));
            }
            if (route.breaker() != null && route.breaker().minCalls() > route.breaker().window()) {
                ctx.add(tree.errorAt(at + "/breaker/min_calls", "\"min_calls\" (" + route.breaker().minCalls()
                        + ") must not exceed \"window\" (" + route.breaker().window() + ")"));
            }
        }
    }
}
