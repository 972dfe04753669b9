package dev.evalbench.core.provider.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.provider.TokenEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's Messages API. System messages go to the top-level {@code system} field; route params are copied
 * into the body ({@code max_tokens} is required by the API: {@value #DEFAULT_MAX_TOKENS} when the route sets
 * none). An output schema is sent as one forced tool, {@value #TOOL}, whose {@code input} is the structured
 * answer: the raw output text is that input written as JSON. Without a schema the text blocks are joined.
 * A reply without {@code usage} (some compatible servers) is still an answer, with
 * {@link TokenEstimate estimated} counts.
 */
final class AnthropicWireFormat {
    /** This format as a {@link WireFormat}, for {@link HttpModelProvider}. */
    static final WireFormat FORMAT = new WireFormat() {
        @Override
        public ObjectNode requestBody(ModelRequest request) throws ProviderException {
            return AnthropicWireFormat.requestBody(request);
        }

        @Override
        public ModelResponse response(HttpReply reply, ModelRequest request) throws ProviderException {
            return AnthropicWireFormat.response(reply, request);
        }
    };

    static final String TOOL = "emit_output";
    static final int DEFAULT_MAX_TOKENS = 1024;
    private static final String WHAT = "messages";

    private AnthropicWireFormat() {}

    static ObjectNode requestBody(ModelRequest request) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (request.params() != null) {
            for (Map.Entry<String, JsonNode> field : request.params().properties()) {
                body.set(field.getKey(), field.getValue());
            }
        }
        if (!body.has("max_tokens")) {
            body.put("max_tokens", DEFAULT_MAX_TOKENS);
        }
        body.put("model", request.model());
        List<String> system = new ArrayList<>();
        ArrayNode messages = Json.MAPPER.createArrayNode();
        for (Message m : request.messages()) {
            if (m.role().equals("system")) {
                system.add(m.content());
            } else {
                messages.addObject().put("role", m.role()).put("content", m.content());
            }
        }
        body.remove("system");
        if (!system.isEmpty()) {
            body.put("system", String.join("\n\n", system));
        }
        body.set("messages", messages);
        if (request.outputSchema() != null) {
            ObjectNode tool = body.putArray("tools").addObject();
            tool.put("name", TOOL).put("description", "Emit the answer as structured output.");
            tool.set("input_schema", request.outputSchema());
            body.putObject("tool_choice").put("type", "tool").put("name", TOOL);
        } else {
            body.remove("tools");
            body.remove("tool_choice");
        }
        return body;
    }

    static ModelResponse response(HttpReply reply, ModelRequest request) throws ProviderException {
        boolean structured = request.outputSchema() != null;
        JsonNode root = WireJson.object(WHAT, reply.body());
        JsonNode content = WireJson.child(WHAT, root, "content");
        if (!content.isArray()) {
            throw WireJson.bad(WHAT + ": 'content' is not an array");
        }
        // A refusal (stop_reason "refusal") is the model's answer, not a broken reply: whatever text it wrote before
        // it stopped, kept as the output (no JSON, so the policy rejects it), not a BAD_RESPONSE counted against the
        // route's breaker.
        String stopReason = root.path("stop_reason").asText();
        boolean refused = "refusal".equals(stopReason);
        // Cut off at max_tokens: what it wrote before the limit, possibly no tool call or text block at all (the
        // limit reached mid-call). That is the model's answer too, an incomplete one, not a broken reply.
        boolean truncated = "max_tokens".equals(stopReason);
        String text = refused ? textOf(content)
                : truncated ? (structured ? toolInputOr(content, textOf(content)) : textOf(content))
                : structured ? toolInput(content) : joinedText(content);
        String model = WireJson.text(WHAT, root, "model");
        String requestId = reply.headers().get("request-id");
        if (requestId == null && root.hasNonNull("id")) {
            requestId = root.get("id").asText();
        }
        JsonNode usage = root.get("usage");
        if (usage == null || usage.isNull()) {
            return new ModelResponse(text, model, TokenEstimate.of(request.messages()), TokenEstimate.of(text),
                    reply.latencyMs(), requestId, 0, true, truncated);
        }
        int tokensIn = WireJson.count(WHAT, usage, "input_tokens");
        int tokensOut = WireJson.count(WHAT, usage, "output_tokens");
        return new ModelResponse(text, model, tokensIn, tokensOut, reply.latencyMs(), requestId, 0, false, truncated);
    }

    private static String toolInput(JsonNode content) throws ProviderException {
        String input = toolInputOr(content, null);
        if (input == null) throw WireJson.bad(WHAT + ": response has no " + TOOL + " tool call");
        return input;
    }

    /** The input of the {@link #TOOL} call in {@code content} as JSON text, or {@code otherwise} when there is none. */
    private static String toolInputOr(JsonNode content, String otherwise) throws ProviderException {
        for (JsonNode block : content) {
            if ("tool_use".equals(block.path("type").asText()) && TOOL.equals(block.path("name").asText())) {
                JsonNode input = WireJson.child(WHAT, block, "input");
                try {
                    return Json.MAPPER.writeValueAsString(input);
                } catch (JsonProcessingException e) {
                    throw new ProviderException(FailureKind.INTERNAL, "tool input could not be written: " + e.getOriginalMessage());
                }
            }
        }
        return otherwise;
    }

    /** The text blocks of {@code content} joined; "" when there are none. */
    private static String textOf(JsonNode content) throws ProviderException {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText())) text.append(WireJson.text(WHAT, block, "text"));
        }
        return text.toString();
    }

    private static String joinedText(JsonNode content) throws ProviderException {
        StringBuilder text = new StringBuilder();
        boolean any = false;
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText())) {
                text.append(WireJson.text(WHAT, block, "text"));
                any = true;
            }
        }
        if (!any) {
            throw WireJson.bad(WHAT + ": response has no text block");
        }
        return text.toString();
    }
}
