package dev.evalbench.core.provider.http;

import dev.evalbench.core.provider.ProviderFactory;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * Ollama's native API: POST {@code {base_url}/api/chat} with {@code stream: false}. A Bearer key is sent only
 * when the route names {@code api_key_env} (for an Ollama behind an authenticating proxy). Wire details in
 * {@link OllamaWireFormat}. Its providers are thread-safe; the OkHttp client is shared, owned by its builder.
 */
public final class OllamaProvider {
    public static final String NAME = "ollama";
    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:11434";

    private OllamaProvider() {}

    /** Builds the provider of a route; a named but unset key fails with MISSING_KEY. */
    public static ProviderFactory factory(OkHttpClient client, Clock clock) {
        return (route, workspace, env) -> {
            String key = ApiKeys.resolve(route, env);
            EndpointHeaders headers = new EndpointHeaders(route.name());
            if (key != null) {
                headers.add("Authorization", "Bearer " + key);
            }
            String base = route.baseUrl() != null ? route.baseUrl() : DEFAULT_BASE_URL;
            return new HttpModelProvider("OllamaProvider", new HttpEndpoint(
                    HttpEndpoint.resolve(route.name(), base, "/api/chat"),
                    headers.build(), new HttpTransport(client), key, clock), OllamaWireFormat.FORMAT);
        };
    }
}
