package dev.evalbench.core.provider;

import dev.evalbench.core.record.FailureKind;

/**
 * A call failed. {@code retryAfterMs} is the server's Retry-After in milliseconds, or -1. {@code serverSays} is the
 * sentence in which the server explained an error reply ("Unsupported value: 'temperature' does not support 0 with
 * this model."), or null. Neither the message nor {@code serverSays} may contain an API key or an Authorization header.
 */
public final class ProviderException extends Exception {
    private final FailureKind kind;
    private final long retryAfterMs;
    private final Integer httpStatus;
    private final String serverSays;

    public ProviderException(FailureKind kind, String message, Integer httpStatus, long retryAfterMs, Throwable cause) {
        this(kind, message, httpStatus, retryAfterMs, null, cause);
    }

    public ProviderException(FailureKind kind, String message, Integer httpStatus, long retryAfterMs, String serverSays,
                             Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfterMs = retryAfterMs;
        this.serverSays = serverSays;
    }

    public ProviderException(FailureKind kind, String message) {
        this(kind, message, null, -1, null);
    }

    public FailureKind kind() { return kind; }

    public long retryAfterMs() { return retryAfterMs; }

    public Integer httpStatus() { return httpStatus; }

    /** The server's own explanation of its error reply, scrubbed of keys; null when it gave none. */
    public String serverSays() { return serverSays; }
}
