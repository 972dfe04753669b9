package dev.evalbench.core.text;

/**
 * The line ends of a text file: an editor works in {@code \n} alone (the template editor's text area turns
 * {@code \r\n} into {@code \n} as it takes the text), and a file written back keeps the ends it had, so a template
 * checked out on Windows (git's {@code core.autocrlf}) neither opens as edited nor saves as a diff of every line.
 * Stateless.
 */
public final class LineEnds {
    private LineEnds() {}

    /** {@code text} with each {@code \r\n} as {@code \n}. */
    public static String toLf(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n");
    }

    /** {@code text} with the line ends {@code file} has: {@code \r\n} when it has any, else {@code \n}. */
    public static String like(String text, String file) {
        String lf = toLf(text);
        return file != null && file.contains("\r\n") ? lf.replace("\n", "\r\n") : lf;
    }
}
