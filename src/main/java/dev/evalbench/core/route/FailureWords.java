package dev.evalbench.core.route;

import dev.evalbench.core.provider.ProviderException;
import java.util.Locale;

/**
 * A failed call in a few words, for a breaker's opening to name its last failure: the HTTP status with the server's
 * own explanation ({@code HTTP 503 ("upstream overloaded")}), or the failure's kind and message for a call that got no
 * reply ({@code connection: … Connection refused}). Unmasked: the breaker masks it when it writes it. Stateless.
 */
final class FailureWords {
    /** Characters of a message kept: enough for "connection to URL failed: Connection refused". */
    static final int MAX_CHARS = 160;

    private FailureWords() {}

    static String of(ProviderException failure) {
        if (failure.httpStatus() != null) {
            return "HTTP " + failure.httpStatus() + (failure.serverSays() == null ? "" : " (\"" + failure.serverSays() + "\")");
        }
        String kind = failure.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String message = failure.getMessage() == null ? "" : failure.getMessage().strip().replaceAll("\\s+", " ");
        if (message.isEmpty()) return kind;
        return kind + ": " + (message.length() <= MAX_CHARS ? message : message.substring(0, MAX_CHARS - 1) + "…");
    }
}
