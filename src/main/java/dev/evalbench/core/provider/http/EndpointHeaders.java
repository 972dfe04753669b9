package dev.evalbench.core.provider.http;

import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ProviderException;
import okhttp3.Headers;

/**
 * Builds the fixed headers of an endpoint. A header value OkHttp refuses (a key with a newline or a non-ASCII
 * character) becomes a {@link FailureKind#CLIENT_ERROR} that names the header but never shows the value.
 */
final class EndpointHeaders {
    private final Headers.Builder builder = new Headers.Builder();
    private final String routeName;

    EndpointHeaders(String routeName) {
        this.routeName = routeName;
    }

    EndpointHeaders add(String name, String value) throws ProviderException {
        try {
            builder.add(name, value);
        } catch (IllegalArgumentException e) {
            throw new ProviderException(FailureKind.CLIENT_ERROR,
                    "route " + routeName + ": the value for header " + name + " has characters a header cannot carry");
        }
        return this;
    }

    /** Like {@link #add}, replacing any value the header already has. */
    EndpointHeaders set(String name, String value) throws ProviderException {
        try {
            builder.set(name, value);
        } catch (IllegalArgumentException e) {
            throw new ProviderException(FailureKind.CLIENT_ERROR,
                    "route " + routeName + ": header " + name + " has a name or value a header cannot carry");
        }
        return this;
    }

    Headers build() {
        return builder.build();
    }
}
