package dev.evalbench.core.provider.http;

import dev.evalbench.core.secret.KeyScrubber;
import java.util.Collections;
import java.util.List;

/**
 * Removes a route's secrets (its API key, its secret header values) from text that may end up in a message:
 * error bodies echoed by a server, exception texts, in every form {@link KeyScrubber} knows. Messages are built
 * without secrets in the first place; this is the second line of defence against a server that repeats one
 * back (the router scrubs every configured secret once more). Immutable and thread-safe.
 */
final class Redactor {
    static final String MARK = KeyScrubber.MARK;
    private final KeyScrubber scrubber;

    Redactor(String secret) {
        this(Collections.singletonList(secret));
    }

    Redactor(List<String> secrets) {
        this.scrubber = KeyScrubber.of(secrets);
    }

    String scrub(String text) {
        return scrubber.scrub(text);
    }
}
