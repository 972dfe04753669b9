package dev.evalbench.core.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;

/**
 * The sentence in which a server explains an error reply, read from its body: {@code error.message} (OpenAI, Azure,
 * Anthropic and the gateways that copy them), {@code error} as a string (Ollama), {@code message} (vLLM, Mistral) or
 * {@code detail} (FastAPI servers, the first validation error's {@code msg} when it is a list). A body that is not
 * JSON gives its first line, unless it is an HTML page (a proxy's error page says nothing a reader can act on).
 * At most {@value #MAX_CHARS} characters, on one line. What it returns is the server's, not yet scrubbed of keys or
 * masked: callers do both. Stateless.
 */
final class ServerWords {
    static final int MAX_CHARS = 200;

    private ServerWords() {}

    /** The server's explanation in {@code body}, or null when it gives none. */
    static String of(String body) {
        if (body == null || body.isBlank()) return null;
        String text = body.strip();
        String words = text.startsWith("{") ? fromJson(text)
                : text.startsWith("<") ? null : text.lines().findFirst().orElse(null);
        if (words == null || words.isBlank()) return null;
        String line = words.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_CHARS ? line : line.substring(0, MAX_CHARS - 1).stripTrailing() + "…";
    }

    private static String fromJson(String text) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
        if (root == null || !root.isObject()) return null;
        JsonNode error = root.path("error");
        if (error.isTextual()) return error.asText();
        if (error.path("message").isTextual()) return error.path("message").asText();
        if (root.path("message").isTextual()) return root.path("message").asText();
        JsonNode detail = root.path("detail");
        if (detail.isTextual()) return detail.asText();
        if (detail.isArray() && detail.path(0).path("msg").isTextual()) return detail.path(0).path("msg").asText();
        return null;
    }
}
