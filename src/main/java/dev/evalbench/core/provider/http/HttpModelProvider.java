package dev.evalbench.core.provider.http;

import dev.evalbench.core.provider.ModelProvider;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.provider.ProviderFactory;
import dev.evalbench.core.workspace.RouteSpec;
import java.time.Clock;
import java.util.Map;
import okhttp3.HttpUrl;
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
            return of(kind, route, env, headers, key, HttpEndpoint.resolve(route.name(), base, path), format, client, clock);
        };
    }

    /**
     * The provider of one route: the provider's headers ({@code key} among them, or null) with the route's own
     * added (see {@link RouteHeaders}), the client with the route's CA file and the environment's proxy, and
     * every secret scrubbed from failure messages.
     */
    static HttpModelProvider of(String kind, RouteSpec route, Map<String, String> env, EndpointHeaders providerHeaders,
                                String key, HttpUrl url, WireFormat format, OkHttpClient client, Clock clock)
            throws ProviderException {
        RouteHeaders headers = RouteHeaders.of(route, env, providerHeaders, key);
        String caFile = TrustedCas.fileFor(route.http().caFile(), env);
        OkHttpClient routeClient = EnvProxy.from(env).apply(TrustedCas.apply(client, route.name(), caFile));
        HttpTransport transport = new HttpTransport(routeClient, caFile == null
                ? "ca_file on route " + route.name() + ", or " + TrustedCas.ENV + " for every route"
                : "ca_file (" + caFile + " does not hold it)");
        return new HttpModelProvider(kind, new HttpEndpoint(url, headers.headers(), transport, headers.secrets(), clock,
                route.responseLimit()),
                format);
    }

    @Override
    public ModelResponse complete(ModelRequest request) throws ProviderException {
        HttpReply reply = endpoint.send(format.requestBody(request), request);
        ModelResponse withheld = reply.status() >= 400 ? format.withheld(reply, request) : null;
        if (withheld != null) return withheld;
        endpoint.check(reply);
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
