package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads values out of trees that already passed their schema, so types are known to be right. */
final class Trees {
    private Trees() {}

    static String text(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String text(JsonNode parent, String field, String fallback) {
        String v = text(parent, field);
        return v == null ? fallback : v;
    }

    static List<String> strings(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        if (v == null || !v.isArray()) return List.of();
        List<String> out = new ArrayList<>(v.size());
        v.forEach(item -> out.add(item.asText()));
        return List.copyOf(out);
    }

    static Integer integer(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }

    static Long longValue(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        return v == null || v.isNull() ? null : v.asLong();
    }

    static Double number(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    static boolean bool(JsonNode parent, String field, boolean fallback) {
        JsonNode v = parent.get(field);
        return v == null || v.isNull() ? fallback : v.asBoolean();
    }
}
