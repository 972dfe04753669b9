package dev.evalbench.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The schema eval of one raw output: strict JSON parse, then the output schema. {@code parsed} is null when
 * the text is not a single JSON value; {@code valid} is true only when it parsed and the schema holds.
 * {@code errors} say what failed, with JSON pointers.
 */
public record Validation(JsonNode parsed, boolean valid, List<String> errors) {
    /** This failed validation with {@code why} as its first error: why the answer could not be valid at all. */
    public Validation explainedBy(String why) {
        List<String> explained = new java.util.ArrayList<>();
        explained.add(why);
        if (errors != null) explained.addAll(errors);
        return new Validation(parsed, false, explained);
    }
}
