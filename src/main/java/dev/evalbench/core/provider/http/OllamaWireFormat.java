package dev.evalbench.core.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;

/**
 * Ollama's native chat API, non-streaming. Route params become the request's {@code options} (temperature,
 * num_predict, seed, ...); an output schema is sent as {@code format}. Tokens are {@code prompt_eval_count}
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
            return OllamaWireFormat.response(reply);
        }
    };

    private static final String WHAT = "ollama chat";

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
            body.set("options", request.params().deepCopy());
        }
        return body;
    }

    static ModelResponse response(HttpReply reply) throws ProviderException {
        JsonNode root = WireJson.object(WHAT, reply.body());
        JsonNode message = WireJson.child(WHAT, root, "message");
        String text = WireJson.text(WHAT, message, "content");
        String model = WireJson.text(WHAT, root, "model");
        // Ollama leaves prompt_eval_count out when the whole prompt came from its KV cache, i.e. when it
        // evaluated zero prompt tokens: absence means 0 here by the server's own convention.
        int tokensIn = root.has("prompt_eval_count") ? WireJson.count(WHAT, root, "prompt_eval_count") : 0;
        int tokensOut = WireJson.count(WHAT, root, "eval_count");
        return new ModelResponse(text, model, tokensIn, tokensOut, reply.latencyMs(), null);
    }
}
