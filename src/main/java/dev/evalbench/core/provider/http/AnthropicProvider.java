package dev.evalbench.core.provider.http;

import dev.evalbench.core.provider.ProviderFactory;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * Anthropic's Messages API: POST {@code {base_url}/v1/messages} with {@code x-api-key} (when the route names
 * {@code api_key_env}) and {@code anthropic-version: }{@value #API_VERSION}. Wire details in
 * {@link AnthropicWireFormat}. Its providers are thread-safe; the OkHttp client is shared, owned by its builder.
 */
public final class AnthropicProvider {
    public static final String NAME = "anthropic";
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    public static final String API_VERSION = "2023-06-01";

    private AnthropicProvider() {}

    /** Builds the provider of a route; a named but unset key fails with MISSING_KEY. */
    public static ProviderFactory factory(OkHttpClient client, Clock clock) {
        return (route, workspace, env) -> {
            String key = ApiKeys.resolve(route, env);
            EndpointHeaders headers = new EndpointHeaders(route.name()).add("anthropic-version", API_VERSION);
            if (key != null) {
                headers.add("x-api-key", key);
            }
            String base = route.baseUrl() != null ? route.baseUrl() : DEFAULT_BASE_URL;
            return new HttpModelProvider("AnthropicProvider", new HttpEndpoint(
                    HttpEndpoint.resolve(route.name(), base, "/v1/messages"),
                    headers.build(), new HttpTransport(client), key, clock, route.responseLimit()), AnthropicWireFormat.FORMAT);
        };
    }
}
