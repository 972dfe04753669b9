package dev.evalbench.core.provider.http;

import dev.evalbench.core.provider.ModelProvider;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;

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
