package dev.evalbench.core.provider.http;

import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.workspace.RouteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A route's own headers on top of its provider's: {@code headers} as written, then {@code secret_headers} read
 * from the environment by the variable each names (unset or blank: {@link FailureKind#MISSING_KEY}, naming the
 * variable, never a value). The secret values are collected so the endpoint scrubs them like the key. A route
 * header replaces a provider header of the same name (a gateway may want its own {@code Authorization}).
 * Built once per provider, on one thread.
 */
final class RouteHeaders {
    private final EndpointHeaders headers;
    private final List<String> secrets = new ArrayList<>();

    private RouteHeaders(EndpointHeaders headers) {
        this.headers = headers;
    }

    /** The provider's headers (auth, version) with the route's added; {@code key} is the API key or null. */
    static RouteHeaders of(RouteSpec route, Map<String, String> env, EndpointHeaders provider, String key)
            throws ProviderException {
        RouteHeaders out = new RouteHeaders(provider);
        if (key != null) out.secrets.add(key);
        for (Map.Entry<String, String> h : route.http().headers().entrySet()) {
            provider.set(h.getKey(), h.getValue());
        }
        for (Map.Entry<String, String> h : route.http().secretHeaders().entrySet()) {
            String value = env.get(h.getValue());
            if (value == null || value.isBlank()) {
                throw new ProviderException(FailureKind.MISSING_KEY, "route " + route.name() + ": environment variable "
                        + h.getValue() + " (for header " + h.getKey() + ") is not set");
            }
            provider.set(h.getKey(), value);
            out.secrets.add(value);
        }
        return out;
    }

    okhttp3.Headers headers() {
        return headers.build();
    }

    /** The key and every secret header value: what the endpoint scrubs from messages. */
    List<String> secrets() {
        return List.copyOf(secrets);
    }
}
