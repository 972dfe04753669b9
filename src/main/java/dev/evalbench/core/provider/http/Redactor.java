package dev.evalbench.core.provider.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Removes a route's secrets (its API key, its secret header values) from text that may end up in a message:
 * error bodies echoed by a server, exception texts. Messages are built without secrets in the first place;
 * this is the second line of defence against a server that repeats one back. Immutable and thread-safe.
 */
final class Redactor {
    static final String MARK = "[redacted]";
    private final List<String> secrets;

    Redactor(String secret) {
        this(secret == null ? List.of() : List.of(secret));
    }

    Redactor(List<String> secrets) {
        List<String> kept = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && !s.isEmpty()) kept.add(s);
        }
        // Longest first, so a secret that contains another is removed whole.
        kept.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(kept);
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MARK);
        }
        return out;
    }
}
