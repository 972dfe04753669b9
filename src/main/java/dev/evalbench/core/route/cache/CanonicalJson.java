package dev.evalbench.core.route.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A stable text form of a JSON tree for hashing: object keys sorted (by UTF-16 code units) at every depth,
 * no whitespace, numbers and strings as Jackson writes them. Two trees that differ only in key order give the
 * same text. Numbers are not normalised (1 and 1.0 differ): both come from the same workspace files, so a
 * change in how a number is written is a change in the file and may rightly miss the cache.
 */
public final class CanonicalJson {
    private CanonicalJson() {}

    public static String write(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                out.set(name, sorted(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : node) {
                out.add(sorted(item));
            }
            return out;
        }
        return node;
    }
}
