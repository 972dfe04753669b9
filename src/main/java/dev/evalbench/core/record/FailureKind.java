package dev.evalbench.core.record;

/** Why a call produced no usable answer. Recorded per case; never thrown past the run engine. */
public enum FailureKind {
    TIMEOUT(true),
    RATE_LIMITED(true),
    SERVER_ERROR(true),
    CONNECTION(true),
    /** The provider's response body is not what its wire format promises. */
    BAD_RESPONSE(false),
    /** 4xx other than 429: bad request, bad key, unknown model. */
    CLIENT_ERROR(false),
    /** The replay provider has no recorded answer for this request. */
    REPLAY_MISS(false),
    /**
     * The route was not called, and no fallback could serve: its circuit breaker is open, or the server refused the
     * route itself (its first calls all 401, 403 or 404). No model saw the case.
     */
    CIRCUIT_OPEN(false),
    /** The route's API key variable is not set. */
    MISSING_KEY(false),
    /** The run was cancelled before the call finished. */
    CANCELLED(false),
    /**
     * The answer carried a configured API key (in any spelling, or a fragment of one): the output is not kept
     * and the case fails, so a model that leaks a key can never pass a gate.
     */
    SECRET_IN_OUTPUT(false),
    /** The answer was larger than the route's {@code max_response_bytes}; reading stopped at the limit. */
    TOO_LARGE(false),
    /** Anything else: a bug or an unexpected exception, kept with its message. */
    INTERNAL(false);

    private final boolean retryable;

    FailureKind(boolean retryable) { this.retryable = retryable; }

    public boolean retryable() { return retryable; }
}
