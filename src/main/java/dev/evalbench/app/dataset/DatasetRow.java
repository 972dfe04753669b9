package dev.evalbench.app.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.SafetyExpectation;
import java.util.List;
import java.util.Locale;

/**
 * One case as the dataset table shows it: suite, id, vars and expected value as compact JSON (a safety probe's
 * expectation in place of an expected value), tags. {@code vars} and {@code expected} are masked as reports and CI
 * outputs mask them (the case's restricted values, the policy's patterns), so the table shows no more than a
 * shared report would; {@code rawVars} and {@code rawExpected} are as the dataset keeps them, for the detail's
 * Reveal. {@code haystack} is what the text filter searches: the kept and the masked texts, so an author finds a
 * case by the value they know as by what the table shows. Immutable.
 */
public record DatasetRow(String suite, String id, String vars, String expected, List<String> tags, int line,
                         String haystack, String rawVars, String rawExpected) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static DatasetRow of(String suite, EvalCase c, OutboundMask mask) {
        JsonNode expectedTree = c.expected() != null ? c.expected() : c.expect() != null ? asWritten(c.expect()) : null;
        String rawVars = json(c.vars());
        String rawExpected = expectedTree == null ? "" : json(expectedTree);
        String vars = json(mask.json(c.id(), c.vars()));
        String expected = expectedTree == null ? "" : json(mask.json(c.id(), expectedTree));
        String haystack = String.join("\n", c.id(), rawVars, rawExpected, String.join(" ", c.tags()),
                vars.equals(rawVars) ? "" : vars, expected.equals(rawExpected) ? "" : expected).toLowerCase(Locale.ROOT);
        return new DatasetRow(suite, c.id(), vars, expected, List.copyOf(c.tags()), c.line(), haystack, rawVars, rawExpected);
    }

    /** True when masking changed the case's vars or expected value: the detail offers to reveal them. */
    public boolean masked() {
        return !vars.equals(rawVars) || !expected.equals(rawExpected);
    }

    /**
     * A probe's expectation as a dataset spells it ({@code {"forbidden_actions": ["escalate"]}}), not as the record's
     * fields ({@code mustReject}), which no author wrote: what is not required is left out, as the file leaves it.
     */
    private static JsonNode asWritten(SafetyExpectation expect) {
        ObjectNode tree = JSON.createObjectNode();
        if (expect.mustReject()) tree.put("must_reject", true);
        if (!expect.forbiddenActions().isEmpty()) expect.forbiddenActions().forEach(tree.putArray("forbidden_actions")::add);
        if (!expect.forbiddenTools().isEmpty()) expect.forbiddenTools().forEach(tree.putArray("forbidden_tools")::add);
        return tree;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
