package dev.evalbench.core.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.provider.TokenEstimate;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The OpenAI chat-completions wire format, as spoken by OpenAI, vLLM, llama.cpp server, LM Studio and
 * Ollama's {@code /v1}. Route params are copied into the body as they are, except the reserved
 * {@value #STRUCTURED_OUTPUT} param, which picks how an output schema is sent:
 * {@code json_schema} (default: {@code response_format} type json_schema, strict), {@code json_object}
 * (servers without json_schema support: JSON mode, schema not sent) or {@code none}.
 * The body's {@code model} and {@code messages} always come from the request, whatever the params say.
 *
 * <p>Reasoning models (OpenAI's o-series and gpt-5 family) reject {@code max_tokens} and want
 * {@code max_completion_tokens}: for those a {@code max_tokens} param is sent under that name. The reserved
 * {@value #MAX_TOKENS_FIELD} param ({@code max_tokens} or {@code max_completion_tokens}) says which name to use
 * for any model, for gateways that rename models. Reasoning tokens
 * ({@code usage.completion_tokens_details.reasoning_tokens}) are recorded; they are already inside
 * {@code completion_tokens}, so they are priced as output. A reply without {@code usage} is still an answer,
 * with {@link TokenEstimate estimated} counts.
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
            return OpenAiWireFormat.response(reply, request);
        }

        @Override
        public ModelResponse withheld(HttpReply reply, ModelRequest request) {
            return OpenAiWireFormat.withheld(reply, request);
        }
    };

    static final String STRUCTURED_OUTPUT = "structured_output";
    static final String MAX_TOKENS_FIELD = "max_tokens_field";
    static final String MAX_COMPLETION_TOKENS = "max_completion_tokens";
    /** o1, o3-mini, o4-mini, gpt-5, gpt-5-mini, ... also behind a gateway prefix such as {@code openai/o3}. */
    private static final Pattern REASONING_MODEL = Pattern.compile("(?:^|/)(?:o\\d|gpt-5)(?:[-.:_].*)?$");
    private static final String WHAT = "chat completion";

    private OpenAiWireFormat() {}

    static ObjectNode requestBody(ModelRequest request) throws ProviderException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        String mode = "json_schema";
        String maxTokensField = REASONING_MODEL.matcher(request.model()).find() ? MAX_COMPLETION_TOKENS : "max_tokens";
        if (request.params() != null && request.params().has(MAX_TOKENS_FIELD)) {
            maxTokensField = request.params().get(MAX_TOKENS_FIELD).asText();
            if (!maxTokensField.equals("max_tokens") && !maxTokensField.equals(MAX_COMPLETION_TOKENS)) {
                throw new ProviderException(FailureKind.CLIENT_ERROR, "params." + MAX_TOKENS_FIELD
                        + " must be max_tokens or max_completion_tokens, not '" + maxTokensField + "'");
            }
        }
        if (request.params() != null) {
            for (Map.Entry<String, JsonNode> field : request.params().properties()) {
                if (field.getKey().equals(STRUCTURED_OUTPUT)) {
                    mode = field.getValue().asText();
                } else if (field.getKey().equals(MAX_TOKENS_FIELD)) {
                    continue;
                } else if (field.getKey().equals("max_tokens")) {
                    body.set(maxTokensField, field.getValue());
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

    static ModelResponse response(HttpReply reply, ModelRequest request) throws ProviderException {
        JsonNode root = WireJson.object(WHAT, reply.body());
        JsonNode choices = WireJson.child(WHAT, root, "choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw WireJson.bad(WHAT + ": response has no choices");
        }
        JsonNode message = WireJson.child(WHAT, choices.get(0), "message");
        JsonNode content = textParts(message.get("content"));
        String finishReason = choices.get(0).path("finish_reason").asText();
        boolean truncated = "length".equals(finishReason);
        if (content == null || !content.isTextual()) {
            // A refusal is the model's answer, not a broken reply: kept as the output it gave (no JSON, so the policy
            // rejects it, and a safety probe that must be rejected passes). As a BAD_RESPONSE it failed every probe
            // the model refused and counted against the route's breaker.
            // So is an answer the server's content filter withheld (Azure: finish_reason "content_filter", no content).
            // And so is an answer cut off at the output token limit before any text (a reasoning model that spent
            // the whole limit reasoning): an empty answer, marked truncated below.
            JsonNode refusal = message.get("refusal");
            boolean filtered = "content_filter".equals(finishReason);
            if (refusal != null && refusal.isTextual()) content = refusal;
            else if (filtered || truncated) content = TextNode.valueOf("");
            else throw WireJson.bad(WHAT + ": first choice has no text content");
        }
        boolean withheld = content.asText().isEmpty() && "content_filter".equals(finishReason);
        String model = WireJson.text(WHAT, root, "model");
        String requestId = reply.headers().get("x-request-id");
        if (requestId == null && root.hasNonNull("id")) {
            requestId = root.get("id").asText();
        }
        JsonNode usage = root.get("usage");
        if (usage == null || usage.isNull()) {
            // Gateways and local servers often leave usage out: the answer stands, its counts are estimates.
            return new ModelResponse(content.asText(), model, TokenEstimate.of(request.messages()),
                    TokenEstimate.of(content.asText()), reply.latencyMs(), requestId, 0, true, truncated, withheld);
        }
        int tokensIn = WireJson.count(WHAT, usage, "prompt_tokens");
        int tokensOut = WireJson.count(WHAT, usage, "completion_tokens");
        JsonNode details = usage.path("completion_tokens_details");
        int reasoning = details.has("reasoning_tokens") && !details.get("reasoning_tokens").isNull()
                ? WireJson.count(WHAT, details, "reasoning_tokens") : 0;
        return new ModelResponse(content.asText(), model, tokensIn, tokensOut, reply.latencyMs(), requestId,
                reasoning, false, truncated, withheld);
    }

    /**
     * {@code content} as text: itself when it is a string (or absent), else the {@code text} of its parts of type
     * {@code "text"} joined, the way Mistral's reasoning models answer ({@code [{"type": "thinking", …}, {"type":
     * "text", "text": "{…}"}]}): the thinking is not the answer. An array with no text part gives null, as no content
     * does.
     */
    static JsonNode textParts(JsonNode content) {
        if (content == null || !content.isArray()) return content;
        StringBuilder text = new StringBuilder();
        boolean any = false;
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                text.append(part.get("text").asText());
                any = true;
            }
        }
        return any ? TextNode.valueOf(text.toString()) : null;
    }

    /**
     * The empty answer of a prompt the server's content filter stopped before the model saw it, or null for any other
     * error reply: Azure's HTTP 400 with {@code error.code "content_filter"} (its jailbreak shield on by default: a
     * safety suite's probes are what it is for), and OpenAI's {@code "invalid_prompt"} flagged for its usage policy.
     * Read as a provider failure, every probe the filter stopped failed the safety gate, while a probe whose answer
     * the filter withheld ({@code finish_reason "content_filter"}) passed: the same filter, the same outcome in
     * production (nothing produced), now the same record. Token counts are estimates: the reply has none.
     */
    static ModelResponse withheld(HttpReply reply, ModelRequest request) {
        if (reply.status() != 400 || !reply.body().stripLeading().startsWith("{")) return null;
        JsonNode error;
        try {
            error = Json.MAPPER.readTree(reply.body()).path("error");
        } catch (java.io.IOException e) {
            return null;
        }
        String code = error.path("code").asText("");
        boolean filtered = code.equals("content_filter")
                || code.equals("invalid_prompt") && error.path("message").asText("").contains("usage policy");
        if (!filtered) return null;
        return new ModelResponse("", request.model(), TokenEstimate.of(request.messages()), 0, reply.latencyMs(),
                reply.headers().get("x-request-id"), 0, true, false, true);
    }
}
