package dev.evalbench.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;

/**
 * A copy of a JSON tree with each leaf (string, number, boolean, null) replaced by what a function makes of it;
 * objects keep their member names and order, arrays their order. The input is not changed. Pure.
 */
public final class JsonLeaves {
    private JsonLeaves() {}

    public static JsonNode map(JsonNode node, UnaryOperator<JsonNode> leaf) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), map(e.getValue(), leaf)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(map(element, leaf)));
            return copy;
        }
        return leaf.apply(node);
    }
}
