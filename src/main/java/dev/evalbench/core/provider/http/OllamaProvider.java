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
        return HttpModelProvider.bearer("OllamaProvider", DEFAULT_BASE_URL, "/api/chat", OllamaWireFormat.FORMAT, client, clock);
    }
}
