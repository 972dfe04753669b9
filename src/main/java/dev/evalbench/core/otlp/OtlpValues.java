package dev.evalbench.core.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;

/**
 * OTLP JSON's value encoding, read side: a list of {@code {"key", "value": {"stringValue" | "intValue" | ...}}}
 * becomes one object of plain JSON values. 64-bit integers arrive as strings (the OTLP JSON rule) or, from
 * lenient writers, as numbers; both become numbers. Stateless.
 */
final class OtlpValues {
    private OtlpValues() {}

    static ObjectNode attributes(JsonNode list) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (JsonNode kv : list) {
            if (kv.path("key").isTextual()) out.set(kv.get("key").asText(), value(kv.path("value")));
        }
        return out;
    }

    static JsonNode value(JsonNode v) {
        if (v.has("stringValue")) return v.get("stringValue");
        if (v.has("boolValue")) return v.get("boolValue");
        if (v.has("doubleValue")) return v.get("doubleValue");
        if (v.has("intValue")) {
            JsonNode i = v.get("intValue");
            if (i.isTextual() && i.asText().matches("-?\\d{1,19}")) return Json.MAPPER.getNodeFactory().numberNode(Long.parseLong(i.asText()));
            return i;
        }
        if (v.has("arrayValue")) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            v.get("arrayValue").path("values").forEach(item -> out.add(value(item)));
            return out;
        }
        return Json.MAPPER.nullNode();
    }

    /** A fixed64 nanosecond time (string or number); 0 when absent or unreadable. */
    static long nanos(JsonNode v) {
        if (v.isTextual() && v.asText().matches("\\d{1,19}")) return Long.parseUnsignedLong(v.asText());
        return v.isIntegralNumber() ? v.asLong() : 0;
    }

    /** A JSON document carried in a string attribute; null when absent or not JSON. */
    static JsonNode json(JsonNode v) {
        if (v == null || !v.isTextual()) return null;
        try {
            return Json.MAPPER.readTree(v.asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
