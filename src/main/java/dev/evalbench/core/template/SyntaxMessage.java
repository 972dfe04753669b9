package dev.evalbench.core.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pebble's syntax errors in a prompt author's words: its lexer's token names ({@code PRINT_END},
 * {@code EXECUTE_END}, {@code EOF}) become the delimiters the author typed, and a tag left open is named at the
 * line where it was opened, which is where the fix goes (Pebble stops at the first word it cannot read, often
 * lines later). A message it does not know is kept as Pebble wrote it. Stateless.
 */
final class SyntaxMessage {
    private static final Pattern EXPECTED = Pattern.compile(
            "Unexpected token of value \"(.*)\" and type (\\w+), expected token of type (\\w+)", Pattern.DOTALL);
    private static final Pattern LOOKING_FOR = Pattern.compile(
            "Unexpected end of template\\. Pebble was looking for the \"(\\w+)\" tag");

    private static final String END_AS_CHARACTER = "Unexpected character [\u0000]";
    /** The tags a text can leave open, each with the delimiter that closes it. */
    private static final String[][] TAGS = {{"{{", "}}"}, {"{%", "%}"}};

    /** What is wrong, and the line of the part the author should look at (0 when unknown). */
    record Worded(String problem, int line) {}

    private SyntaxMessage() {}

    /**
     * @param message Pebble's message, without its place
     * @param source the part's template text
     * @param line the line of the part where Pebble stopped, or 0
     */
    static Worded of(String message, String source, int line) {
        Matcher m = EXPECTED.matcher(message);
        if (m.lookingAt()) {
            String found = "EOF".equals(m.group(2)) ? "the end of the text" : "\"" + m.group(1) + "\"";
            String closer = closer(m.group(3));
            if (closer == null) return new Worded("expected " + tokenWords(m.group(3)) + ", found " + found, line);
            String opener = closer.equals("}}") ? "{{" : "{%";
            int opened = openedAt(source, line, opener, true);
            if (opened > 0) {
                return new Worded(notClosed(opener, closer) + " before " + found
                        + (opened != line && line > 0 ? " (line " + line + ")" : ""), opened);
            }
            return new Worded("expected \"" + closer + "\", found " + found, line);
        }
        m = LOOKING_FOR.matcher(message);
        if (m.lookingAt()) return new Worded("the text ends without the {% " + m.group(1) + " %} tag it needs", line);
        if (message.startsWith("Unclosed comment")) return new Worded("\"{#\" is not closed with \"#}\"", line);
        // Pebble's lexer reads the end of the text as the character NUL (a "{{" left open before the last line
        // break of a "|" block): said as the end, never written as a control character into a terminal or report.
        if (message.startsWith(END_AS_CHARACTER)) {
            for (String[] tag : TAGS) {
                int opened = openedAt(source, 0, tag[0], true);
                if (opened > 0) return new Worded(notClosed(tag[0], tag[1]) + " before the end of the text", opened);
            }
            return new Worded("the text ends inside a tag", line);
        }
        // Any other word Pebble could not read, after a tag left open on an earlier line: that tag swallowed the
        // text up to here ("Unexpected character [;]" 46 lines below a "{{" without its "}}").
        for (String[] tag : TAGS) {
            int opened = line > 1 ? openedAt(source, line, tag[0], false) : 0;
            if (opened > 0) {
                return new Worded(notClosed(tag[0], tag[1]) + " (read up to line " + line + ": " + message + ")", opened);
            }
        }
        return new Worded(message, line);
    }

    private static String notClosed(String opener, String closer) {
        return "\"" + opener + "\" is not closed: expected \"" + closer + "\"";
    }

    private static String closer(String tokenType) {
        return switch (tokenType) {
            case "PRINT_END" -> "}}";
            case "EXECUTE_END" -> "%}";
            default -> null;
        };
    }

    private static String tokenWords(String tokenType) {
        return tokenType.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /**
     * The line of the tag Pebble was still reading when it stopped on line {@code stopped} (0: at the end): a tag
     * opened by {@code opener} ("{{" or "{%") and still open where that line begins, read as Pebble's lexer reads
     * a tag (brackets nest, and a closer inside them or inside a quoted string ends nothing: a JSON example such as
     * {@code {"a": {...}}} does not close an open "{{"); with {@code orOnThatLine}, else one still open at the end
     * of that line. 0 when there is none, or the open tag is of another kind.
     */
    private static int openedAt(String source, int stopped, String opener, boolean orOnThatLine) {
        int lineStart = 0;
        int lineEnd = source.length();
        if (stopped > 0) {
            for (int l = 1; l < stopped; l++) {
                int next = source.indexOf('\n', lineStart);
                if (next < 0) return 0;
                lineStart = next + 1;
            }
            int next = source.indexOf('\n', lineStart);
            lineEnd = next < 0 ? source.length() : next;
        }
        // Lines before the stop first: a tag still open when the stopped line begins is the one Pebble was in.
        int open = stopped > 0 ? openTagAt(source, lineStart) : -1;
        if (open < 0 && orOnThatLine) open = openTagAt(source, lineEnd);
        return open >= 0 && source.startsWith(opener, open) ? lineOf(source, open) : 0;
    }

    /** Where the tag still open at {@code stopAt} was opened, read from the start as Pebble's lexer reads; or −1. */
    private static int openTagAt(String source, int stopAt) {
        int i = 0;
        while (true) {
            int open = nextOpener(source, i, stopAt);
            if (open < 0) return -1;
            int end = tagEnd(source, open + 2, stopAt, closerOf(source, open));
            if (end < 0) return open;
            i = end;
        }
    }

    /** The next "{{", "{%" or "{#" at or after {@code from} and before {@code stopAt}, or −1. */
    private static int nextOpener(String s, int from, int stopAt) {
        for (int i = from; i + 1 < stopAt; i++) {
            if (s.charAt(i) == '{' && "{%#".indexOf(s.charAt(i + 1)) >= 0) return i;
        }
        return -1;
    }

    private static String closerOf(String s, int open) {
        return switch (s.charAt(open + 1)) {
            case '{' -> "}}";
            case '%' -> "%}";
            default -> "#}";
        };
    }

    /** The index after the {@code closer} ending a tag whose inside starts at {@code from}, or −1 before {@code stopAt}. */
    private static int tagEnd(String s, int from, int stopAt, String closer) {
        boolean comment = closer.equals("#}");
        int depth = 0;
        for (int i = from; i < stopAt; i++) {
            char c = s.charAt(i);
            if (depth == 0 && s.startsWith(closer, i)) return i + closer.length();
            if (comment) continue;
            if (c == '"' || c == '\'') {
                int close = i + 1;
                while (close < stopAt && s.charAt(close) != c) close += s.charAt(close) == '\\' ? 2 : 1;
                i = close;
            } else if ("([{".indexOf(c) >= 0) {
                depth++;
            } else if (")]}".indexOf(c) >= 0 && depth > 0) {
                depth--;
            }
        }
        return -1;
    }

    private static int lineOf(String s, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (s.charAt(i) == '\n') line++;
        }
        return line;
    }
}
