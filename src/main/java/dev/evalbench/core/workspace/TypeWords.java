package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How JSON types and values are named in messages: {@code a number}, {@code string "high"}, {@code a list}. */
final class TypeWords {
    private static final int MAX_SHOWN = 60;

    private TypeWords() {}

    /** The schema's {@code type} keyword as words: "a number", "a string or null". */
    static String expected(JsonNode type) {
        if (type.isArray()) {
            List<String> words = new ArrayList<>();
            type.forEach(t -> words.add(article(t.asText())));
            return String.join(" or ", words);
        }
        return article(type.asText());
    }

    private static String article(String type) {
        switch (type) {
            case "object": return "an object (keys and values)";
            case "array": return "a list";
            case "integer": return "an integer";
            case "null": return "null";
            default: return "a " + type;
        }
    }

    /** What an instance value is, shown briefly: {@code string "high"}, {@code number 5}, {@code a list}. */
    static String found(JsonNode value) {
        if (value == null || value.isMissingNode()) return "nothing";
        if (value.isTextual()) return "string " + shorten(value.toString());
        if (value.isIntegralNumber()) return "integer " + value.asText();
        if (value.isNumber()) return "number " + value.asText();
        if (value.isBoolean()) return "boolean " + value.asText();
        if (value.isNull()) return "null (no value)";
        if (value.isArray()) return "a list";
        return "an object";
    }

    static String literal(JsonNode value) {
        return value.isTextual() ? value.toString() : value.asText();
    }

    static String list(JsonNode values) {
        List<String> words = new ArrayList<>();
        values.forEach(v -> words.add(v.isTextual() ? v.asText() : v.toString()));
        return String.join(", ", words);
    }

    /** For a uniqueItems failure: which item repeats, e.g. {@code : "trim" appears twice}. */
    static String firstRepeat(JsonNode array) {
        if (array == null || !array.isArray()) return "";
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode item : array) {
            if (!seen.add(item)) return ": " + shorten(item.toString()) + " appears more than once";
        }
        return "";
    }

    private static String shorten(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...";
    }
}
