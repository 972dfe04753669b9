package dev.evalbench.core.provider.http;

import dev.evalbench.core.secret.KeyScrubber;
import java.util.Collections;

/**
 * Removes the endpoint's key from text that may end up in a message: error bodies echoed by a server,
 * exception texts, in every form {@link KeyScrubber} knows. Messages are built without the key in the first
 * place; this is the second line of defence against a server that repeats the key back (the router scrubs
 * every configured key once more). Immutable and thread-safe.
 */
final class Redactor {
    static final String MARK = KeyScrubber.MARK;
    private final KeyScrubber scrubber;

    Redactor(String secret) {
        this.scrubber = KeyScrubber.of(Collections.singletonList(secret));
    }

    String scrub(String text) {
        return scrubber.scrub(text);
    }
}
