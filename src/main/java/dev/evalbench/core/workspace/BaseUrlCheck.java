package dev.evalbench.core.workspace;

import java.util.Map;

/**
 * A route's {@code base_url} that already ends with the path its provider adds: the endpoint's whole URL pasted from a
 * provider's page ({@code https://api.openai.com/v1/chat/completions}). Every call would then go to
 * {@code …/chat/completions/chat/completions}, and the run would learn it from three 404s; a mistake in routes.yaml is
 * said where it is written, before anything is sent. The paths are the HTTP providers' own (see
 * {@code OpenAiCompatibleProvider}, {@code AnthropicProvider}, {@code OllamaProvider}, {@code AzureOpenAiProvider}).
 * Stateless.
 */
final class BaseUrlCheck {
    /** The path each provider adds to its base_url. */
    private static final Map<String, String> PATHS = Map.of(
            "openai", "/chat/completions",
            "anthropic", "/v1/messages",
            "ollama", "/api/chat",
            "azure", "/openai/deployments");

    private BaseUrlCheck() {}

    /** What is wrong with {@code route}'s base_url, or null. */
    static String problem(RouteSpec route) {
        String path = PATHS.get(route.provider());
        String base = route.baseUrl();
        if (path == null || base == null) return null;
        String trimmed = base.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        // Anthropic's base is the host: a base ending in /v1, as OpenAI's does, makes calls to /v1/v1/messages.
        if (route.provider().equals("anthropic") && trimmed.endsWith("/v1")) {
            return "\"base_url\" " + base + " ends with /v1, which the anthropic provider adds (it calls base_url"
                    + path + "): give " + trimmed.substring(0, trimmed.length() - 3);
        }
        int at = trimmed.indexOf(path);
        if (at < 0 || !route.provider().equals("azure") && !trimmed.endsWith(path)) return null;
        String suggested = trimmed.substring(0, at);
        return "\"base_url\" " + base + " already holds " + path + ", the path the " + route.provider() + " provider adds"
                + " to it: give the API's base" + (suggested.matches("^https?://[^/]+.*") ? ", " + suggested : "")
                + " (calls go to base_url" + path + (route.provider().equals("azure") ? "/MODEL/chat/completions" : "") + ")";
    }
}
