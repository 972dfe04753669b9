package dev.evalbench.core.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import java.util.Map;

/**
 * The OpenAI chat-completions wire format, as spoken by OpenAI, vLLM, llama.cpp server, LM Studio and
 * Ollama's {@code /v1}. Route params are copied into the body as they are, except the reserved
 * {@value #STRUCTURED_OUTPUT} param, which picks how an output schema is sent:
 * {@code json_schema} (default: {@code response_format} type json_schema, strict), {@code json_object}
 * (servers without json_schema support: JSON mode, schema not sent) or {@code none}.
 * The body's {@code model} and {@code messages} always come from the request, whatever the params say.
 */
final class OpenAiWireFormat {
    /** This format as a {@link WireFormat}, for {@link HttpModelProvider}. */
    static final WireFormat FORMAT = new WireFormat() {
        @Override
        public ObjectNode requestBody(ModelRequest request) throws ProviderException {
            return OpenAiWireFormat.requestBody(request);
        }

        @Override
        public ModelResponse response(HttpReply reply, ModelRequest request) throws ProviderException {
            return OpenAiWireFormat.response(reply);
        }
    };

    static final String STRUCTURED_OUTPUT = "structured_output";
    private static final String WHAT = "chat completion";

    private OpenAiWireFormat() {}

    static ObjectNode requestBody(ModelRequest request) throws ProviderException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        String mode = "json_schema";
        if (request.params() != null) {
            for (Map.Entry<String, JsonNode> field : request.params().properties()) {
                if (field.getKey().equals(STRUCTURED_OUTPUT)) {
                    mode = field.getValue().asText();
                } else {
                    body.set(field.getKey(), field.getValue());
                }
            }
        }
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        for (Message m : request.messages()) {
            messages.addObject().put("role", m.role()).put("content", m.content());
        }
        if (request.outputSchema() != null) {
            switch (mode) {
                case "json_schema" -> {
                    ObjectNode format = body.putObject("response_format").put("type", "json_schema");
                    format.putObject("json_schema").put("name", "output").put("strict", true)
                            .set("schema", request.outputSchema());
                }
                case "json_object" -> body.putObject("response_format").put("type", "json_object");
                case "none" -> { }
                default -> throw new ProviderException(FailureKind.CLIENT_ERROR,
                        "params." + STRUCTURED_OUTPUT + " must be json_schema, json_object or none, not '" + mode + "'");
            }
        }
        return body;
    }

    static ModelResponse response(HttpReply reply) throws ProviderException {
        JsonNode root = WireJson.object(WHAT, reply.body());
        JsonNode choices = WireJson.child(WHAT, root, "choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw WireJson.bad(WHAT + ": response has no choices");
        }
        JsonNode message = WireJson.child(WHAT, choices.get(0), "message");
        JsonNode content = message.get("content");
        if (content == null || !content.isTextual()) {
            JsonNode refusal = message.get("refusal");
            String why = refusal != null && refusal.isTextual() ? " (refusal: " + refusal.asText() + ")" : "";
            throw WireJson.bad(WHAT + ": first choice has no text content" + why);
        }
        String model = WireJson.text(WHAT, root, "model");
        JsonNode usage = WireJson.child(WHAT, root, "usage");
        int tokensIn = WireJson.count(WHAT, usage, "prompt_tokens");
        int tokensOut = WireJson.count(WHAT, usage, "completion_tokens");
        String requestId = reply.headers().get("x-request-id");
        if (requestId == null && root.hasNonNull("id")) {
            requestId = root.get("id").asText();
        }
        return new ModelResponse(content.asText(), model, tokensIn, tokensOut, reply.latencyMs(), requestId);
    }
}
