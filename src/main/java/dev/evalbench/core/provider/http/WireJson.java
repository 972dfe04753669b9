package dev.evalbench.core.provider.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ProviderException;

/**
 * Strict reading of a provider's response body: a body that is not a JSON object, or lacks a field the wire
 * format promises, is {@link FailureKind#BAD_RESPONSE}. Nothing is guessed or defaulted.
 */
final class WireJson {
    /** A key given twice is refused: which of the two a reader picks would be a guess. */
    private static final ObjectReader STRICT = Json.MAPPER.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private WireJson() {}

    static JsonNode object(String what, String body) throws ProviderException {
        JsonNode node;
        try {
            node = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw bad(what + ": response body is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw bad(what + ": response body is not a JSON object");
        }
        return node;
    }

    static String text(String what, JsonNode node, String field) throws ProviderException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw bad(what + ": response has no text field '" + field + "'");
        }
        return value.asText();
    }

    static int count(String what, JsonNode node, String field) throws ProviderException {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
            throw bad(what + ": response has no token count '" + field + "'");
        }
        return value.asInt();
    }

    static JsonNode child(String what, JsonNode node, String field) throws ProviderException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw bad(what + ": response has no '" + field + "'");
        }
        return value;
    }

    static ProviderException bad(String message) {
        return new ProviderException(FailureKind.BAD_RESPONSE, message);
    }
}
