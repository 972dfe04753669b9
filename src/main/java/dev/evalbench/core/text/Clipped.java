package dev.evalbench.core.text;

import java.util.Locale;

/**
 * The start of a long text, for outputs with room for a line or a screen of it: what a model that ran on to a
 * megabyte wrote, in a terminal, a pull-request comment or a report. Never cuts a character in half. Pure.
 */
public final class Clipped {
    private Clipped() {}

    /** The first {@code max} characters of {@code text} (one fewer rather than half a pair), or the text itself. */
    public static String start(String text, int max) {
        if (text == null || text.length() <= max) return text;
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }

    /** {@code text} itself when no longer than {@code max}; else its start and "… (N characters in all)". */
    public static String withLength(String text, int max) {
        if (text == null || text.length() <= max) return text;
        return start(text, max) + String.format(Locale.ROOT, "… (%,d characters in all)", text.length());
    }
}
