package dev.evalbench.core.workspace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns a YAML parse failure into an {@link InputError} at the problem's own line and column. SnakeYAML's
 * marks are 0-based and point at the problem itself, which is more precise than Jackson's wrapper location.
 */
public final class YamlSyntaxMessage {
    private YamlSyntaxMessage() {}

    /**
     * A failure of SnakeYAML itself (the prompt editor reads with it to keep each value's place), in the words
     * {@code validate} uses for the same mistake: a line at the margin inside a block named as the line to fix,
     * else the problem at its own line and column.
     */
    public static InputError of(String file, MarkedYAMLException e, String text) {
        InputError margin = atMargin(file, e, text);
        return margin != null ? margin : described(file, e);
    }

    /**
     * As {@link #describe(String, JsonProcessingException)}, with where the parser stood for errors that carry no
     * location, and the text: a line typed at the left margin between indented lines (inside a prompt's
     * {@code system: |} block) is named as the line to fix, not the indented line after it where the parser gave up.
     */
    static InputError describe(String file, JsonProcessingException e, JsonLocation parserAt, String text) {
        InputError margin = atMargin(file, e, text);
        if (margin != null) return margin;
        InputError error = describe(file, e);
        if (error.line() > 0 || parserAt == null) return error;
        return new InputError(file, Math.max(0, parserAt.getLineNr()), Math.max(0, parserAt.getColumnNr()), error.message());
    }

    /**
     * The error for a plain line at the left margin with indented lines just before and after it ("while scanning
     * a simple key" at column 0, the problem further on), or null when the failure is another.
     */
    private static InputError atMargin(String file, JsonProcessingException e, String text) {
        return e.getCause() instanceof MarkedYAMLException marked ? atMargin(file, marked, text) : null;
    }

    private static InputError atMargin(String file, MarkedYAMLException marked, String text) {
        if (marked.getContextMark() == null
                || marked.getProblemMark() == null || !"while scanning a simple key".equals(clean(marked.getContext()))) {
            return null;
        }
        String[] lines = text.split("\n", -1);
        int key = marked.getContextMark().getLine();
        int problem = marked.getProblemMark().getLine();
        if (marked.getContextMark().getColumn() != 0 || problem <= key || problem >= lines.length || key >= lines.length) {
            return null;
        }
        int above = key - 1;
        while (above >= 0 && lines[above].isBlank()) above--;
        int below = key + 1;
        while (below < lines.length && lines[below].isBlank()) below++;
        if (above < 0 || below >= lines.length || !lines[above].startsWith(" ") || !lines[below].startsWith(" ")) {
            return null;
        }
        int indent = 0;
        while (indent < lines[above].length() && lines[above].charAt(indent) == ' ') indent++;
        return new InputError(file, key + 1, 1, "YAML syntax error: this line is at the left margin between indented "
                + "lines, so it ends the block above it and the lines after it belong to nothing; indent it like them ("
                + indent + " spaces)");
    }

    static InputError describe(String file, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return described(file, marked);
        }
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
        int column = loc == null ? 0 : Math.max(loc.getColumnNr(), 0);
        // Jackson's own limits (nesting depth, string length) are worded by JsonSyntaxMessage, without Java names.
        String message = e.getOriginalMessage() == null ? "not valid YAML"
                : e.getOriginalMessage().startsWith(NOT_A_KEY) ? notAKey(e.getOriginalMessage())
                : JsonSyntaxMessage.describe(e);
        return new InputError(file, line, column, "YAML syntax error: " + message);
    }

    /** Jackson's words for a key that is a mapping or a list ({@code [a, b]: 1}, a line {@code {{ ticket }}}). */
    private static final String NOT_A_KEY = "Expected a field name (Scalar value in YAML), got this instead: ";

    /**
     * A key that is not plain text, without the parser's event class ("got this instead:
     * &lt;org.yaml.snakeyaml.events.SequenceStartEvent(anchor=null, …)&gt;"): what stands where the key should be,
     * and the likely cause, a line starting with a brace or a bracket (a template's {@code {{ }}} outside its block).
     */
    private static String notAKey(String message) {
        String found = message.contains("SequenceStartEvent") ? "a list ([ … ])"
                : message.contains("MappingStartEvent") ? "a mapping ({ … })" : "something other than text";
        return "expected a key (plain text before ':'), found " + found + "; a line that starts with '[' or '{' is read"
                + " as one: indent it into the block above it, or put it in quotes";
    }

    /** The problem at its own line and column, in plain words, with where the construct it broke started. */
    private static InputError described(String file, MarkedYAMLException marked) {
        Mark problem = marked.getProblemMark();
        StringBuilder message = new StringBuilder("YAML syntax error: ")
                .append(YamlProblemWords.problem(clean(marked.getProblem())));
        Mark context = marked.getContextMark();
        if (marked.getContext() != null && context != null) {
            message.append(" (").append(YamlProblemWords.context(clean(marked.getContext())))
                    .append(" that starts at line ").append(context.getLine() + 1).append(')');
        }
        return problem == null ? new InputError(file, 0, 0, message.toString())
                : new InputError(file, problem.getLine() + 1, problem.getColumn() + 1, message.toString());
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\n', ' ').trim();
    }
}
