package dev.evalbench.core.provider.http;

import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ProviderException;
import java.time.Clock;

/**
 * Judges an HTTP status: 2xx passes; 429 is {@link FailureKind#RATE_LIMITED} with the server's Retry-After, unless
 * it says the account is out of quota ({@link FailureKind#CLIENT_ERROR}: waiting does not end that);
 * 5xx is {@link FailureKind#SERVER_ERROR}; every other status, 4xx and the redirects we do not follow, is
 * {@link FailureKind#CLIENT_ERROR}. The message carries the start of the error body (servers explain
 * themselves there), and {@link ProviderException#serverSays()} the server's sentence read from it, both scrubbed
 * of the key.
 */
final class HttpStatuses {
    private static final int BODY_SNIPPET = 300;

    private HttpStatuses() {}

    static void check(String endpoint, HttpReply reply, Redactor redactor, Clock clock) throws ProviderException {
        int status = reply.status();
        if (status >= 200 && status < 300) {
            return;
        }
        FailureKind kind;
        if (status == 429 && outOfQuota(reply.body())) {
            // Not a rate limit: no wait ends it, so no retry, and the route is refused after a few (RouteRefusal).
            kind = FailureKind.CLIENT_ERROR;
        } else if (status == 429) {
            kind = FailureKind.RATE_LIMITED;
        } else if (status >= 500) {
            kind = FailureKind.SERVER_ERROR;
        } else {
            kind = FailureKind.CLIENT_ERROR;
        }
        long retryAfter = RetryAfter.millis(reply.headers(), clock);
        String body = reply.body().length() > BODY_SNIPPET ? reply.body().substring(0, BODY_SNIPPET) + "..." : reply.body();
        String note = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
        String message = redactor.scrub("HTTP " + status + " from " + endpoint + note + ": " + body.strip());
        String says = ServerWords.of(reply.body());
        throw new ProviderException(kind, message, status, retryAfter, says == null ? null : redactor.scrub(says), null);
    }

    /** OpenAI's 429 for an account out of credit ({@code "code": "insufficient_quota"}), not for too many requests. */
    private static boolean outOfQuota(String body) {
        return body != null && body.contains("\"insufficient_quota\"");
    }
}
