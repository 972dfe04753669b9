package dev.evalbench.core.text;

import java.util.List;

/** Names in a sentence, as the status line and notes say them. Stateless. */
public final class Listed {
    private Listed() {}

    /** "a", "a and b", "a, b and c"; "" for none. */
    public static String inWords(List<String> names) {
        if (names.isEmpty()) return "";
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
