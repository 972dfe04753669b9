package dev.evalbench.core.route.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.CanonicalJson;
import dev.evalbench.core.json.Digests;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.provider.http.HttpProviderFactories;
import dev.evalbench.core.workspace.RouteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.util.List;

/**
 * The cache key of a call: SHA-256 of the canonical JSON of everything that affects the answer, namely the
 * route's provider, effective base URL, model and params, its plain headers and Azure api_version when set, the messages, the output schema, and for routes
 * with a {@code script} the digest of that script file. The route's name, timeout, retries and keys are not
 * part of it: two routes to the same model with the same params share answers. Only the hash is ever stored.
 */
public final class CacheKeys {
    private static final int FORMAT = 2;

    private CacheKeys() {}

    public static String forRoute(RouteSpec route, Workspace workspace, List<Message> messages, JsonNode outputSchema) {
        ObjectNode key = Json.MAPPER.createObjectNode();
        key.put("format", FORMAT);
        key.put("provider", route.provider());
        key.put("base_url", HttpProviderFactories.effectiveBaseUrl(route));
        key.put("model", route.model());
        key.set("params", route.params());
        // Only when set, so routes without them keep their keys. A gateway routes by its headers
        // (x-portkey-provider: openai vs anthropic) and Azure's api_version changes the answer; secret headers
        // are credentials, like the key, and stay out.
        if (!route.http().headers().isEmpty()) {
            ObjectNode headers = key.putObject("headers");
            route.http().headers().forEach((name, value) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), value));
        }
        if (route.http().apiVersion() != null) {
            key.put("api_version", route.http().apiVersion());
        }
        ArrayNode list = key.putArray("messages");
        for (Message m : messages) {
            list.addObject().put("role", m.role()).put("content", m.content());
        }
        key.set("output_schema", outputSchema);
        if (route.script() != null) {
            String digest = workspace.inputDigests() == null ? null : workspace.inputDigests().get(route.script());
            key.put("script", route.script()).put("script_sha256", digest);
        }
        // RFC 8785, the same canonical form the signed reports use: key order and number spelling never matter.
        return Digests.sha256(CanonicalJson.canonicalize(key));
    }
}
