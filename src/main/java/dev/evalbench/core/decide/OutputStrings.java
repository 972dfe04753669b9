package dev.evalbench.core.decide;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Every piece of text a parsed output carries: string values, field names and the text of numbers, at any
 * depth. Restricted values and patterns are searched in all of them, because a leak in a field name or in a
 * number (a card number sent as a JSON number) reaches the customer just as well. Pure and thread-safe.
 */
public final class OutputStrings {
    private OutputStrings() {}

    /** The texts in document order; empty for null. */
    public static List<String> of(JsonNode node) {
        List<String> texts = new ArrayList<>();
        collect(node, texts);
        return texts;
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isTextual()) {
            texts.add(node.textValue());
        } else if (node.isNumber()) {
            texts.add(node.asText());
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                texts.add(field.getKey());
                collect(field.getValue(), texts);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, texts);
            }
        }
    }
}
