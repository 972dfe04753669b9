package dev.evalbench.core.report.html;

/**
 * Appends HTML with the escaping decided by the method, never by the caller: {@link #text} escapes,
 * {@link #open}/{@link #close}/{@link #markup} take only this program's constant markup (tag names and
 * attribute names are checked to be plain words). Single-threaded; one per page.
 */
final class HtmlWriter {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    /** {@code <tag a="v" ...>}; attributes are name/value pairs, values escaped, null values left out. */
    HtmlWriter open(String tag, String... attributes) {
        requireWord(tag);
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] == null) continue;
            requireWord(attributes[i]);
            out.append(' ').append(attributes[i]).append("=\"").append(Html.attr(attributes[i + 1])).append('"');
        }
        out.append('>');
        return this;
    }

    HtmlWriter close(String tag) {
        requireWord(tag);
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding escaped text. */
    HtmlWriter element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    HtmlWriter text(String value) {
        out.append(Html.text(value));
        return this;
    }

    /** Markup this program wrote itself (an SVG chart, the style sheet); never pass run data here. */
    HtmlWriter markup(String trusted) {
        out.append(trusted);
        return this;
    }

    HtmlWriter newline() {
        out.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static void requireWord(String name) {
        if (!name.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("not a tag or attribute name: " + name);
    }
}
