package dev.evalbench.core.provider.http;

import dev.evalbench.core.workspace.RouteSpec;

/**
 * What the HTTP providers share beyond their factories (those are listed in
 * {@link dev.evalbench.core.route.ProviderRegistry#builtIn()}).
 */
public final class HttpProviderFactories {
    private HttpProviderFactories() {}

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
