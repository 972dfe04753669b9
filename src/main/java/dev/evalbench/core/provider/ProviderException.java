package dev.evalbench.core.provider;

import dev.evalbench.core.record.FailureKind;

/**
 * A call failed. {@code retryAfterMs} is the server's Retry-After in milliseconds, or -1. The message must
 * never contain an API key or an Authorization header.
 */
public final class ProviderException extends Exception {
    private final FailureKind kind;
    private final long retryAfterMs;
    private final Integer httpStatus;

    public ProviderException(FailureKind kind, String message, Integer httpStatus, long retryAfterMs, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfterMs = retryAfterMs;
    }

    public ProviderException(FailureKind kind, String message) {
        this(kind, message, null, -1, null);
    }

    public FailureKind kind() { return kind; }

    public long retryAfterMs() { return retryAfterMs; }

    public Integer httpStatus() { return httpStatus; }
}
