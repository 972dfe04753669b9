package dev.evalbench.core.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;
import dev.evalbench.core.record.Decision;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as CEL sees them: objects are maps, arrays lists, strings strings, booleans bools, null
 * {@code null}, and <em>every number a double</em>: JSON does not tell 5 from 5.0, and CEL refuses
 * {@code int + double}, so one numeric type keeps {@code output.total == output.net + output.tax} working
 * whichever way a model wrote its numbers. Pure.
 */
public final class ExpressionValues {
    private ExpressionValues() {}

    public static Object of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return NullValue.NULL_VALUE;
        if (node.isTextual()) return node.textValue();
        if (node.isNumber()) return node.doubleValue();
        if (node.isBoolean()) return node.booleanValue();
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(e -> list.add(of(e)));
            return list;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                map.put(f.getKey(), of(f.getValue()));
            }
            return map;
        }
        return node.asText();
    }

    /** A decision as the map {@code decision} names in checks; a missing decision reads as not accepted. */
    public static Map<String, Object> of(Decision d) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("accepted", d != null && d.accepted());
        map.put("proposed_action", text(d == null ? null : d.proposedAction()));
        map.put("final_action", text(d == null ? null : d.finalAction()));
        map.put("rule", text(d == null ? null : d.rule()));
        map.put("reason", text(d == null ? null : d.reason()));
        return map;
    }

    private static Object text(String s) {
        return s == null ? NullValue.NULL_VALUE : s;
    }
}
