package dev.evalbench.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a case's JSON vars into the plain Java values templates see: objects become maps (key order
 * kept), arrays lists, numbers {@link Integer}/{@link Long}/{@link java.math.BigInteger}/{@link Double}/
 * {@link java.math.BigDecimal}, JSON null stays null. The result is unmodifiable and does not share state
 * with the node. Stateless and thread-safe.
 */
public final class TemplateVars {
    private TemplateVars() {}

    public static Map<String, Object> of(ObjectNode vars) {
        return object(vars);
    }

    private static Map<String, Object> object(JsonNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) map.put(field.getKey(), value(field.getValue()));
        return Collections.unmodifiableMap(map);
    }

    private static Object value(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT:
                return object(node);
            case ARRAY:
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(item -> list.add(value(item)));
                return Collections.unmodifiableList(list);
            case STRING:
                return node.textValue();
            case NUMBER:
                return node.numberValue();
            case BOOLEAN:
                return node.booleanValue();
            case NULL:
                return null;
            default:
                throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }
}
