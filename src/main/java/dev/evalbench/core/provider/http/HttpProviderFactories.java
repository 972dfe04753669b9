package dev.evalbench.core.provider.http;

import dev.evalbench.core.provider.ProviderFactory;
import dev.evalbench.core.workspace.RouteSpec;
import java.time.Clock;
import java.util.Map;
import okhttp3.OkHttpClient;

/** The HTTP providers by their route {@code provider} name, all over one shared client. */
public final class HttpProviderFactories {
    private HttpProviderFactories() {}

    /** {@code openai}, {@code anthropic} and {@code ollama}. {@code clock} dates Retry-After HTTP dates. */
    public static Map<String, ProviderFactory> all(OkHttpClient client, Clock clock) {
        return Map.of(
                OpenAiCompatibleProvider.NAME, OpenAiCompatibleProvider.factory(client, clock),
                AnthropicProvider.NAME, AnthropicProvider.factory(client, clock),
                OllamaProvider.NAME, OllamaProvider.factory(client, clock));
    }

    /**
     * The base URL a route's calls go to: its own, or its provider's default; null for providers that are not
     * HTTP. Part of the cache key, so writing the default out explicitly does not change a route's key.
     */
    public static String effectiveBaseUrl(RouteSpec route) {
        if (route.baseUrl() != null) {
            return route.baseUrl().replaceAll("/+$", "");
        }
        return switch (route.provider()) {
            case OpenAiCompatibleProvider.NAME -> OpenAiCompatibleProvider.DEFAULT_BASE_URL;
            case AnthropicProvider.NAME -> AnthropicProvider.DEFAULT_BASE_URL;
            case OllamaProvider.NAME -> OllamaProvider.DEFAULT_BASE_URL;
            default -> null;
        };
    }
}
