package dev.evalbench.app.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalbench.core.workspace.EvalCase;
import java.util.List;
import java.util.Locale;

/**
 * One case as the dataset table shows it: suite, id, vars and expected value as compact JSON (a safety probe's
 * expectation in place of an expected value), tags. {@code haystack} is what the text filter searches. Immutable.
 */
public record DatasetRow(String suite, String id, String vars, String expected, List<String> tags, int line, String haystack) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static DatasetRow of(String suite, EvalCase c) {
        String vars = json(c.vars());
        String expected = c.expected() != null ? json(c.expected()) : c.expect() != null ? json(c.expect()) : "";
        String haystack = String.join("\n", c.id(), vars, expected, String.join(" ", c.tags())).toLowerCase(Locale.ROOT);
        return new DatasetRow(suite, c.id(), vars, expected, List.copyOf(c.tags()), c.line(), haystack);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
