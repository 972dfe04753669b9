package dev.evalbench.core.report.html;

/**
 * HTML escaping for text and attribute values. Everything that comes from a run (model outputs, case ids,
 * failure messages, file names) goes through {@link #text} or {@link #attr} before it reaches the page, so a
 * model that answers {@code <script>} shows the characters and runs nothing. Pure.
 */
public final class Html {
    private Html() {}

    /**
     * Escapes {@code & < > " '} so the result is inert in element content and in quoted attributes; control
     * characters other than tab, newline and carriage return (not allowed in HTML) become U+FFFD.
     */
    public static String text(String value) {
        if (value == null) return "";
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** The same escaping; named for the place it is used, inside {@code attr="..."}. */
    public static String attr(String value) {
        return text(value);
    }
}
