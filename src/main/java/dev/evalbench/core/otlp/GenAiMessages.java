package dev.evalbench.core.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.Message;
import java.util.List;

/**
 * Chat messages in the GenAI conventions' JSON form: {@code gen_ai.system_instructions} is a list of parts,
 * {@code gen_ai.input.messages} and {@code gen_ai.output.messages} lists of {@code {"role", "parts": [{"type":
 * "text", "content"}]}} (an output message adds {@code finish_reason}). Each is carried in one string attribute.
 * A message of several text parts reads as their contents joined. Stateless.
 */
final class GenAiMessages {
    private GenAiMessages() {}

    /** The system instructions of {@code messages} (their system messages' parts), or null when there are none. */
    static String systemInstructions(List<Message> messages) {
        ArrayNode parts = Json.MAPPER.createArrayNode();
        messages.stream().filter(m -> "system".equals(m.role())).forEach(m -> parts.add(textPart(m.content())));
        return parts.isEmpty() ? null : parts.toString();
    }

    /** The non-system messages, or null when there are none. */
    static String inputMessages(List<Message> messages) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Message m : messages) {
            if ("system".equals(m.role())) continue;
            ObjectNode msg = out.addObject();
            msg.put("role", m.role());
            msg.putArray("parts").add(textPart(m.content()));
        }
        return out.isEmpty() ? null : out.toString();
    }

    static String outputMessages(String output, String finishReason) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        ObjectNode msg = out.addObject();
        msg.put("role", "assistant");
        msg.putArray("parts").add(textPart(output));
        msg.put("finish_reason", finishReason);
        return out.toString();
    }

    /** The messages as the JSON Lines shape writes them: system instructions first, then the input messages. */
    static ArrayNode inputs(JsonNode systemInstructions, JsonNode inputMessages) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        JsonNode system = OtlpValues.json(systemInstructions);
        if (system != null && system.isArray()) {
            for (JsonNode part : system) {
                if (part.path("content").isTextual()) out.addObject().put("role", "system").put("content", part.get("content").asText());
            }
        }
        JsonNode input = OtlpValues.json(inputMessages);
        if (input != null && input.isArray()) {
            for (JsonNode m : input) {
                String text = text(m);
                if (text != null) out.addObject().put("role", m.path("role").asText("user")).put("content", text);
            }
        }
        return out;
    }

    /** The text of the first output message; null when there is none. */
    static String outputText(JsonNode outputMessages) {
        JsonNode output = OtlpValues.json(outputMessages);
        if (output == null || !output.isArray() || output.isEmpty()) return null;
        return text(output.get(0));
    }

    private static String text(JsonNode message) {
        StringBuilder sb = new StringBuilder();
        boolean any = false;
        for (JsonNode part : message.path("parts")) {
            if ("text".equals(part.path("type").asText()) && part.path("content").isTextual()) {
                sb.append(part.get("content").asText());
                any = true;
            }
        }
        return any ? sb.toString() : null;
    }

    private static ObjectNode textPart(String content) {
        ObjectNode part = Json.MAPPER.createObjectNode();
        part.put("type", "text");
        part.put("content", content);
        return part;
    }
}
