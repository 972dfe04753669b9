package dev.evalbench.core.provider;

import dev.evalbench.core.record.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Everything a provider needs for one call. {@code outputSchema} is the JSON Schema the answer must satisfy
 * (providers with a structured-output mode send it); {@code traceparent} is the W3C header value for this
 * case; {@code params} are the route's parameters (temperature, max_tokens, ...), possibly null.
 */
public record ModelRequest(
        String model,
        List<Message> messages,
        ObjectNode params,
        JsonNode outputSchema,
        String traceparent,
        long timeoutMs) {}
