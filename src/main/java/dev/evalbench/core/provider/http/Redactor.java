package dev.evalbench.core.provider.http;

/**
 * Removes one secret from text that may end up in a message: error bodies echoed by a server, exception
 * texts. Messages are built without the key in the first place; this is the second line of defence against a
 * server that repeats the key back. Immutable and thread-safe.
 */
final class Redactor {
    static final String MARK = "[redacted]";
    private final String secret;

    Redactor(String secret) {
        this.secret = secret == null || secret.isEmpty() ? null : secret;
    }

    String scrub(String text) {
        if (text == null || secret == null) {
            return text;
        }
        return text.replace(secret, MARK);
    }
}
