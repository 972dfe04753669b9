package dev.evalbench.app.editor;

import java.util.regex.Pattern;

/**
 * Indentation as a YAML editor keeps it, for Enter, Tab and Shift+Tab in the template and configuration editors. A prompt's
 * templates are YAML block scalars ({@code body: |}): a line typed at the left margin ends the block and turns
 * the text into a new key, which the workspace then refuses. So Enter keeps the line's indentation (one level
 * more after a line that opens a block scalar, {@code body: |}), and Tab writes spaces, since YAML refuses tabs
 * there. A line of template text that ends in a colon ("The customer wrote:") opens nothing: the prompt file's
 * keys all hold scalars.
 * Pure functions of the text; thread-safe.
 */
final class YamlIndent {
    /** One level, as the shipped prompts indent. */
    static final String STEP = "  ";
    /** A line that opens a block scalar: "body: |", "system: >-", "body: |2". */
    private static final Pattern OPENS_BLOCK = Pattern.compile("[^#]*:\\s*[|>][-+]?[1-9]?[-+]?\\s*");
    /** A key with nothing after it but a comment, in a configuration file: "limits:", "- name: x" aside. */
    private static final Pattern OPENS_MAPPING = Pattern.compile("[^#'\"]*:\\s*(#.*)?");

    private YamlIndent() {}

    /**
     * What Enter inserts after {@code lineBeforeCaret}, the current line's text up to the caret: a line break
     * and the indentation of the new line.
     */
    static String newLine(String lineBeforeCaret) {
        return newLine(lineBeforeCaret, false);
    }

    /**
     * As {@link #newLine(String)}; with {@code keysNest} (a configuration file, whose keys hold mappings and lists),
     * a line that is a key with no value ({@code limits:}) opens one more level too.
     */
    static String newLine(String lineBeforeCaret, boolean keysNest) {
        String indent = leadingSpaces(lineBeforeCaret);
        String content = lineBeforeCaret.substring(indent.length());
        boolean opens = OPENS_BLOCK.matcher(content).matches() || keysNest && OPENS_MAPPING.matcher(content).matches();
        return "\n" + indent + (opens ? STEP : "");
    }

    /**
     * The indentation to put before a character typed on the empty line {@code at} of {@code lines}, with the caret
     * at its start: the shallower indentation of the nearest lines of text above and below when both are indented
     * (the empty line lies inside a block, where text at the margin would end it and leave the lines below
     * orphaned, which YAML refuses); empty otherwise (a new key after a block is typed at the margin).
     */
    static String onEmptyLine(java.util.List<String> lines, int at) {
        if (!lines.get(at).isEmpty()) return "";
        String above = nearestText(lines, at, -1);
        String below = nearestText(lines, at, 1);
        if (above == null || below == null) return "";
        String a = leadingSpaces(above);
        String b = leadingSpaces(below);
        return a.length() <= b.length() ? a : b;
    }

    /** The nearest line with more than spaces from {@code at} in direction {@code step}, or null. */
    private static String nearestText(java.util.List<String> lines, int at, int step) {
        for (int i = at + step; i >= 0 && i < lines.size(); i += step) {
            if (!lines.get(i).isBlank()) return lines.get(i);
        }
        return null;
    }

    /** How many spaces Shift+Tab takes from the start of {@code line}: up to one level, only spaces. */
    static int outdent(String line) {
        return Math.min(STEP.length(), leadingSpaces(line).length());
    }

    private static String leadingSpaces(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') n++;
        return line.substring(0, n);
    }
}
