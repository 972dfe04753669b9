package dev.evalbench.core.provider.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ProviderException;
import java.time.Clock;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * One provider URL with its fixed headers (authentication, API version): posts a request body with the
 * case's {@code traceparent}, checks the status, and scrubs the key and secret header values from any failure
 * message. The fixed headers hold those secrets and are never put into a message. Immutable and thread-safe.
 */
final class HttpEndpoint {
    private final HttpUrl url;
    private final Headers fixedHeaders;
    private final HttpTransport transport;
    private final Redactor redactor;
    private final Clock clock;
    private final long maxResponseBytes;

    HttpEndpoint(HttpUrl url, Headers fixedHeaders, HttpTransport transport, java.util.List<String> secrets, Clock clock,
                 long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
        this.url = url;
        this.fixedHeaders = fixedHeaders;
        this.transport = transport;
        this.redactor = new Redactor(secrets);
        this.clock = clock;
    }

    /** Resolves {@code path} against a base URL; a base that is not an http(s) URL is a client error. */
    static HttpUrl resolve(String routeName, String baseUrl, String path) throws ProviderException {
        HttpUrl base = HttpUrl.parse(baseUrl);
        if (base == null) {
            throw new ProviderException(FailureKind.CLIENT_ERROR,
                    "route " + routeName + ": base_url is not an http(s) URL");
        }
        String joined = base.toString().replaceAll("/+$", "") + path;
        return HttpUrl.get(joined);
    }

    /** Posts {@code body}; returns the 2xx reply or throws the mapped failure. */
    HttpReply post(ObjectNode body, ModelRequest request) throws ProviderException {
        HttpReply reply = send(body, request);
        check(reply);
        return reply;
    }

    /** Throws the failure {@code reply}'s status maps to (key scrubbed), unless it is a 2xx. */
    void check(HttpReply reply) throws ProviderException {
        HttpStatuses.check(url.toString(), reply, redactor, clock);
    }

    /** Posts {@code body}; returns the reply whatever its status (a transport failure still throws). */
    HttpReply send(ObjectNode body, ModelRequest request) throws ProviderException {
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new ProviderException(FailureKind.INTERNAL, "request body could not be written: " + e.getOriginalMessage());
        }
        Headers.Builder headers = fixedHeaders.newBuilder();
        if (request.traceparent() != null) {
            headers.set("traceparent", request.traceparent());
        }
        return transport.post(url, headers.build(), bytes, request.timeoutMs(), maxResponseBytes, redactor);
    }

    /** The same failure with the key scrubbed from its message, for failures raised while parsing a body. */
    ProviderException scrubbed(ProviderException e) {
        return new ProviderException(e.kind(), redactor.scrub(e.getMessage()), e.httpStatus(), e.retryAfterMs(), null);
    }

    String describe() {
        return url.toString();
    }
}
