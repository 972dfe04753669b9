package dev.evalbench.core.route;

import dev.evalbench.core.provider.ModelProvider;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.secret.KeyScrubber;

/**
 * A provider whose answers and failures are screened for every configured API key before anything else
 * sees them (the cache, the breaker's bookkeeping, the record): an answer carrying a key becomes a
 * {@link FailureKind#SECRET_IN_OUTPUT} failure and its text is dropped; a failure message is scrubbed. An
 * unexpected runtime exception is turned into an INTERNAL failure here, so its text is scrubbed too.
 * Thread-safe when the wrapped provider is.
 */
final class KeyScreenedProvider implements ModelProvider {
    private final String route;
    private final ModelProvider inner;
    private final KeyScrubber keys;

    KeyScreenedProvider(String route, ModelProvider inner, KeyScrubber keys) {
        this.route = route;
        this.inner = inner;
        this.keys = keys;
    }

    @Override
    public ModelResponse complete(ModelRequest request) throws ProviderException {
        ModelResponse response;
        try {
            response = inner.complete(request);
        } catch (ProviderException e) {
            throw new ProviderException(e.kind(), keys.scrub(e.getMessage()), e.httpStatus(), e.retryAfterMs(),
                    e.serverSays() == null ? null : keys.scrub(e.serverSays()), null);
        } catch (RuntimeException e) {
            throw new ProviderException(FailureKind.INTERNAL,
                    keys.scrub("provider of route " + route + " failed unexpectedly: " + e), null, -1, null);
        }
        if (keys.found(response.text()) || keys.found(response.modelReported()) || keys.found(response.requestId())) {
            throw secretIn(route);
        }
        return response;
    }

    static ProviderException secretIn(String route) {
        return new ProviderException(FailureKind.SECRET_IN_OUTPUT, "the answer of route " + route
                + " carried an API key (or part of one); the output is not kept", null, -1, null);
    }
}
