package dev.evalbench.core.decide;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The tool calls an output proposes: the {@code name} of every element of its top-level {@code tool_calls}
 * array. An element without a text name reads as {@code <unnamed>}, which no policy allows; a
 * {@code tool_calls} value that is not an array reads as one unnamed call, so malformed calls are never
 * silently treated as "no calls". Pure.
 */
public final class ToolCalls {
    public static final String UNNAMED = "<unnamed>";

    private ToolCalls() {}

    public static List<String> names(JsonNode parsed) {
        JsonNode calls = parsed == null ? null : parsed.get(PolicyDecider.TOOL_CALLS);
        if (calls == null || calls.isNull()) {
            return List.of();
        }
        if (!calls.isArray()) {
            return List.of(UNNAMED);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode call : calls) {
            JsonNode name = call.get("name");
            names.add(name != null && name.isTextual() ? name.textValue() : UNNAMED);
        }
        return names;
    }
}
