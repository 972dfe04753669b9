package dev.evalbench.core.provider.http;

import dev.evalbench.core.provider.ProviderFactory;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * Any OpenAI-compatible endpoint: POST {@code {base_url}/chat/completions} with a Bearer key when the route
 * names {@code api_key_env} (no key at all for local servers that need none). Wire details in
 * {@link OpenAiWireFormat}. Its providers are thread-safe; the OkHttp client is shared, owned by its builder.
 */
public final class OpenAiCompatibleProvider {
    public static final String NAME = "openai";
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private OpenAiCompatibleProvider() {}

    /** Builds the provider of a route; a named but unset key fails with MISSING_KEY. */
    public static ProviderFactory factory(OkHttpClient client, Clock clock) {
        return HttpModelProvider.bearer("OpenAiCompatibleProvider", DEFAULT_BASE_URL, "/chat/completions", OpenAiWireFormat.FORMAT, client, clock);
    }
}
