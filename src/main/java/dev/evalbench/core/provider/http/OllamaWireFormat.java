package dev.evalbench.core.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.provider.TokenEstimate;

/**
 * Ollama's native chat API, non-streaming. Route params become the request's {@code options} (temperature,
 * num_predict, seed, ...), except {@code keep_alive} and {@code think}, which are request fields; an output schema is sent as {@code format}. Tokens are {@code prompt_eval_count}
 * and {@code eval_count}.
 */
final class OllamaWireFormat {
    /** This format as a {@link WireFormat}, for {@link HttpModelProvider}. */
    static final WireFormat FORMAT = new WireFormat() {
        @Override
        public ObjectNode requestBody(ModelRequest request) throws ProviderException {
            return OllamaWireFormat.requestBody(request);
        }

        @Override
        public ModelResponse response(HttpReply reply, ModelRequest request) throws ProviderException {
            return OllamaWireFormat.response(reply, request);
        }
    };

    private static final String WHAT = "ollama chat";
    /** Params that are request fields in Ollama's API, not model options. */
    private static final java.util.List<String> TOP_LEVEL = java.util.List.of("keep_alive", "think");

    private OllamaWireFormat() {}

    static ObjectNode requestBody(ModelRequest request) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        for (Message m : request.messages()) {
            messages.addObject().put("role", m.role()).put("content", m.content());
        }
        body.put("stream", false);
        if (request.outputSchema() != null) {
            body.set("format", request.outputSchema());
        }
        if (request.params() != null && !request.params().isEmpty()) {
            ObjectNode options = request.params().deepCopy();
            for (String field : TOP_LEVEL) {
                if (options.has(field)) {
                    body.set(field, options.remove(field));
                }
            }
            if (!options.isEmpty()) {
                body.set("options", options);
            }
        }
        return body;
    }

    static ModelResponse response(HttpReply reply, ModelRequest request) throws ProviderException {
        JsonNode root = WireJson.object(WHAT, reply.body());
        JsonNode message = WireJson.child(WHAT, root, "message");
        String text = WireJson.text(WHAT, message, "content");
        String model = WireJson.text(WHAT, root, "model");
        // Ollama leaves prompt_eval_count out when the whole prompt came from its KV cache, i.e. when it
        // evaluated zero prompt tokens: absence means 0 here by the server's own convention.
        int tokensIn = root.has("prompt_eval_count") ? WireJson.count(WHAT, root, "prompt_eval_count") : 0;
        boolean truncated = "length".equals(root.path("done_reason").asText()); // stopped at options.num_predict
        if (!root.has("eval_count")) {
            // Servers imitating Ollama may send no counts at all: the answer stands, its counts are estimates.
            return new ModelResponse(text, model, TokenEstimate.of(request.messages()), TokenEstimate.of(text),
                    reply.latencyMs(), null, 0, true, truncated);
        }
        int tokensOut = WireJson.count(WHAT, root, "eval_count");
        return new ModelResponse(text, model, tokensIn, tokensOut, reply.latencyMs(), null, 0, false, truncated);
    }
}
