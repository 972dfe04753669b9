package dev.evalbench.core.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request's answer as a shadow comparison reads it, from production's capture or from a shadow run:
 * {@code validation} (valid, invalid, no_output), {@code decision} (the final action, or "(none)"), and each
 * top-level field of the output as {@code output.<name>} (the whole text as {@code output} when it is not a JSON
 * object). Latency in milliseconds and cost in US dollars. Immutable.
 */
public record ShadowAnswer(String id, Map<String, String> fields, long latencyMs, double costUsd) {
    public static final String VALIDATION = "validation";
    public static final String DECISION = "decision";
    /**
     * The field of an answer that is not a JSON object: its whole text. Named so beside the fields of the answers that
     * are ("output.reply"): a plain "output" row read as a field of theirs that differed.
     */
    public static final String NOT_JSON = "output (not JSON)";

    public ShadowAnswer {
        fields = Map.copyOf(fields);
    }

    public static ShadowAnswer of(String id, String validation, String finalAction, String rawOutput, long latencyMs, double costUsd) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(VALIDATION, validation);
        f.put(DECISION, finalAction == null ? "(none)" : finalAction);
        JsonNode parsed = parse(rawOutput);
        if (parsed != null && parsed.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = parsed.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                f.put("output." + e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
        } else if (rawOutput != null) {
            f.put(NOT_JSON, rawOutput);
        }
        return new ShadowAnswer(id, f, latencyMs, costUsd);
    }

    /** The value of a field, "(absent)" when this answer has none. */
    public String value(String field) {
        return fields.getOrDefault(field, "(absent)");
    }

    private static JsonNode parse(String text) {
        if (text == null) return null;
        try {
            return Json.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
