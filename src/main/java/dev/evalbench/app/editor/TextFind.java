package dev.evalbench.app.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a plain text (ignoring case) occurs in a file's text, and which occurrence comes next from a place: the
 * find bar's arithmetic, without a window. Pure; thread-safe.
 */
final class TextFind {
    private TextFind() {}

    /** The start of every occurrence of {@code wanted} in {@code text}, ignoring case, in order; none for "". */
    static List<Integer> starts(String text, String wanted) {
        List<Integer> found = new ArrayList<>();
        if (wanted.isEmpty()) return found;
        // Lower-cased alike, as long as that keeps lengths (it does for the scripts prompts are written in); a text
        // whose length changes is searched as it is, with case.
        String hay = text.toLowerCase(Locale.ROOT);
        String needle = wanted.toLowerCase(Locale.ROOT);
        if (hay.length() != text.length() || needle.length() != wanted.length()) {
            hay = text;
            needle = wanted;
        }
        for (int at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) found.add(at);
        return found;
    }

    /**
     * The index in {@code starts} of the occurrence to show: the first at or after {@code from} going forward, the
     * last before it going back, wrapping around the text; -1 when there is none.
     */
    static int next(List<Integer> starts, int from, boolean forward) {
        if (starts.isEmpty()) return -1;
        if (forward) {
            for (int i = 0; i < starts.size(); i++) if (starts.get(i) >= from) return i;
            return 0;
        }
        for (int i = starts.size() - 1; i >= 0; i--) if (starts.get(i) < from) return i;
        return starts.size() - 1;
    }
}
