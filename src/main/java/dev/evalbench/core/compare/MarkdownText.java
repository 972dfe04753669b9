package dev.evalbench.core.compare;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes run strings (model outputs, case ids, failure messages) safe to place in GitHub-flavoured Markdown:
 * inline text cannot open a link, an HTML tag, emphasis, a new table cell or an @-mention, and fenced blocks use a fence
 * longer than any backtick run inside them. Pure.
 */
public final class MarkdownText {
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private MarkdownText() {}

    /** Text for a table cell or a sentence: one line, Markdown and HTML punctuation escaped. */
    public static String inline(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n', '\r', '\t' -> out.append(' ');
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '@' -> out.append("@\u200B"); // no @-mention of anyone from run text
                case '|', '\\', '`', '*', '_', '[', ']', '#', '~', '!' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A code span that shows {@code text} literally (ids, hashes). */
    public static String code(String text) {
        String flat = text == null ? "" : text.replaceAll("[\\r\\n\\t]", " ");
        String fence = "`".repeat(longestRun(flat) + 1);
        String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
        return fence + pad + flat + pad + fence;
    }

    /** A fenced block of {@code body} with an info string such as "diff"; the body is shown literally. */
    public static String fenced(String info, String body) {
        String fence = "`".repeat(Math.max(3, longestRun(body) + 1));
        return fence + info + "\n" + body + (body.endsWith("\n") ? "" : "\n") + fence + "\n";
    }

    private static int longestRun(String text) {
        int longest = 0;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) longest = Math.max(longest, m.group().length());
        return longest;
    }
}
