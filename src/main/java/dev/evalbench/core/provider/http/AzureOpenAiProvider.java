package dev.evalbench.core.provider.http;

import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.provider.ProviderFactory;
import dev.evalbench.core.record.FailureKind;
import java.time.Clock;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Azure OpenAI: POST {@code {base_url}/openai/deployments/{model}/chat/completions?api-version={api_version}}
 * with the key in an {@code api-key} header (when the route names {@code api_key_env}). The route's
 * {@code model} is the deployment name; {@code base_url} is the resource endpoint
 * ({@code https://NAME.openai.azure.com}) and is required. The body is the OpenAI format
 * ({@link OpenAiWireFormat}). Its providers are thread-safe; the OkHttp client is shared, owned by its builder.
 */
public final class AzureOpenAiProvider {
    public static final String NAME = "azure";
    /** The GA data-plane version used when the route sets no {@code api_version}. */
    public static final String DEFAULT_API_VERSION = "2024-10-21";

    private AzureOpenAiProvider() {}

    /** Builds the provider of a route; a named but unset key fails with MISSING_KEY. */
    public static ProviderFactory factory(OkHttpClient client, Clock clock) {
        return (route, workspace, env) -> {
            if (route.baseUrl() == null) {
                throw new ProviderException(FailureKind.CLIENT_ERROR,
                        "route " + route.name() + ": azure needs base_url (https://NAME.openai.azure.com)");
            }
            String key = ApiKeys.resolve(route, env);
            EndpointHeaders headers = new EndpointHeaders(route.name());
            if (key != null) {
                headers.add("api-key", key);
            }
            String version = route.http().apiVersion() != null ? route.http().apiVersion() : DEFAULT_API_VERSION;
            HttpUrl url = HttpEndpoint.resolve(route.name(), route.baseUrl(), "/openai/deployments").newBuilder()
                    .addPathSegment(route.model())
                    .addPathSegments("chat/completions")
                    .addQueryParameter("api-version", version)
                    .build();
            return HttpModelProvider.of("AzureOpenAiProvider", route, env, headers, key, url, OpenAiWireFormat.FORMAT,
                    client, clock);
        };
    }
}
