package dev.evalbench.core.provider.http;

import dev.evalbench.core.provider.ModelProvider;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.provider.ProviderFactory;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * A model behind an HTTP endpoint speaking one {@link WireFormat}: post the body, read the answer, and scrub
 * the key from any failure message. Thread-safe; the OkHttp client inside the endpoint is shared and owned by
 * whoever built it.
 */
final class HttpModelProvider implements ModelProvider {
    private final String kind;
    private final HttpEndpoint endpoint;
    private final WireFormat format;

    HttpModelProvider(String kind, HttpEndpoint endpoint, WireFormat format) {
        this.kind = kind;
        this.endpoint = endpoint;
        this.format = format;
    }

    /**
     * A factory for providers that send the key as {@code Authorization: Bearer} (OpenAI-compatible servers,
     * Ollama): {@code path} is appended to the route's base URL, or to {@code defaultBase} when it has none.
     * A named but unset key fails with MISSING_KEY; a route without {@code api_key_env} sends no key.
     */
    static ProviderFactory bearer(String kind, String defaultBase, String path, WireFormat format,
                                  OkHttpClient client, Clock clock) {
        return (route, workspace, env) -> {
            String key = ApiKeys.resolve(route, env);
            EndpointHeaders headers = new EndpointHeaders(route.name());
            if (key != null) {
                headers.add("Authorization", "Bearer " + key);
            }
            String base = route.baseUrl() != null ? route.baseUrl() : defaultBase;
            return new HttpModelProvider(kind, new HttpEndpoint(HttpEndpoint.resolve(route.name(), base, path),
                    headers.build(), new HttpTransport(client), key, clock, route.responseLimit()), format);
        };
    }

    @Override
    public ModelResponse complete(ModelRequest request) throws ProviderException {
        HttpReply reply = endpoint.post(format.requestBody(request), request);
        try {
            return format.response(reply, request);
        } catch (ProviderException e) {
            throw endpoint.scrubbed(e);
        }
    }

    @Override
    public String toString() {
        return kind + "[" + endpoint.describe() + "]";
    }
}
