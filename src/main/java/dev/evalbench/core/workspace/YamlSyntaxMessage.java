package dev.evalbench.core.workspace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns a YAML parse failure into an {@link InputError} at the problem's own line and column. SnakeYAML's
 * marks are 0-based and point at the problem itself, which is more precise than Jackson's wrapper location.
 */
final class YamlSyntaxMessage {
    private YamlSyntaxMessage() {}

    /** As {@link #describe(String, JsonProcessingException)}, with where the parser stood for errors that carry no location. */
    static InputError describe(String file, JsonProcessingException e, JsonLocation parserAt) {
        InputError error = describe(file, e);
        if (error.line() > 0 || parserAt == null) return error;
        return new InputError(file, Math.max(0, parserAt.getLineNr()), Math.max(0, parserAt.getColumnNr()), error.message());
    }

    static InputError describe(String file, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark problem = marked.getProblemMark();
            StringBuilder message = new StringBuilder("YAML syntax error: ").append(clean(marked.getProblem()));
            Mark context = marked.getContextMark();
            if (marked.getContext() != null && context != null) {
                message.append(" (").append(clean(marked.getContext()))
                        .append(" that starts at line ").append(context.getLine() + 1).append(')');
            }
            return new InputError(file, problem.getLine() + 1, problem.getColumn() + 1, message.toString());
        }
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
        int column = loc == null ? 0 : Math.max(loc.getColumnNr(), 0);
        // Jackson's own limits (nesting depth, string length) are worded by JsonSyntaxMessage, without Java names.
        String message = e.getOriginalMessage() == null ? "not valid YAML" : JsonSyntaxMessage.describe(e);
        return new InputError(file, line, column, "YAML syntax error: " + message);
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\n', ' ').trim();
    }
}
