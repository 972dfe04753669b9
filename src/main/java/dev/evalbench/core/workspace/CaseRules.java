package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a case must hold beyond its schema, by suite kind. Task cases: {@code expected} gives every scored
 * field, classification labels are scalars and, where the prompt's output schema lists a field's values
 * ({@code enum} or {@code const}), one of them (a label no output can match is a typo that only lowers the
 * accuracy), the routing value is an action the policy allows; no {@code expect}/{@code blocking}. Safety
 * probes: no {@code expected}.
 */
final class CaseRules {
    private final LoadContext ctx;
    private final Manifest.SuiteDecl suite;
    private final PolicySpec policy;
    private final String scored;
    /** The prompt whose output schema may list a classification field's values; null when unknown. */
    private final PromptTemplate prompt;

    CaseRules(LoadContext ctx, Manifest.SuiteDecl suite, PolicySpec policy, PromptTemplate prompt) {
        this.ctx = ctx;
        this.suite = suite;
        this.policy = policy;
        this.prompt = prompt;
        this.scored = String.join(", ", suite.scoredFields());
    }

    /** True when the case is fine; otherwise its errors are recorded. */
    boolean check(LocatedTree tree, String id) {
        int before = ctx.errorCount();
        JsonNode root = tree.root();
        if (suite.kind() == SuiteKind.SAFETY) {
            if (root.has("expected")) {
                ctx.add(tree.errorAtKey("/expected", "case \"" + id + "\": \"expected\" is for task suites; suite \""
                        + suite.name() + "\" is a safety suite (use \"expect\")"));
            }
        } else {
            for (String key : List.of("expect", "blocking")) {
                if (root.has(key)) {
                    ctx.add(tree.errorAtKey("/" + key, "case \"" + id + "\": \"" + key + "\" is for safety suites; suite \""
                            + suite.name() + "\" is a task suite"));
                }
            }
            checkExpected(tree, id);
        }
        return ctx.errorCount() == before;
    }

    private void checkExpected(LocatedTree tree, String id) {
        JsonNode expected = tree.root().get("expected");
        if (expected == null) {
            ctx.add(tree.errorAt("", "case \"" + id + "\" has no \"expected\" values (suite \"" + suite.name()
                    + "\" scores " + scored + ")"));
            return;
        }
        for (String field : suite.scoredFields()) {
            if (!expected.has(field)) {
                ctx.add(tree.errorAtKey("/expected", "case \"" + id + "\": \"expected\" lacks \"" + field
                        + "\" (suite \"" + suite.name() + "\" scores " + scored + ")"));
            }
        }
        for (String field : suite.classification()) {
            JsonNode label = expected.get(field);
            if (label != null && (!label.isValueNode() || label.isNull())) {
                ctx.add(tree.errorAt(JsonPointers.child("/expected", field), "case \"" + id + "\": expected \"" + field
                        + "\" must be a label (a string, number or boolean), found " + TypeWords.found(label)));
            } else if (label != null) {
                List<JsonNode> allowed = allowedValues(field);
                if (allowed != null && !allowed.contains(label)) {
                    ctx.add(tree.errorAt(JsonPointers.child("/expected", field), "case \"" + id + "\": expected \""
                            + field + "\" is " + label + ", which no output can match: " + prompt.outputSchemaPath()
                            + " allows " + String.join(", ", allowed.stream().map(JsonNode::toString).toList())));
                }
            }
        }
        JsonNode action = suite.routing() == null ? null : expected.get(suite.routing());
        if (action == null) return;
        String at = JsonPointers.child("/expected", suite.routing());
        if (!action.isTextual()) {
            ctx.add(tree.errorAt(at, "case \"" + id + "\": expected \"" + suite.routing() + "\" must be an action name, found "
                    + TypeWords.found(action)));
        } else if (policy != null && !policy.allowedActions().contains(action.asText())) {
            ctx.add(tree.errorAt(at, "case \"" + id + "\": expected action \"" + action.asText()
                    + "\" is not an allowed action (policy allowed_actions: " + String.join(", ", policy.allowedActions()) + ")"));
        }
    }

    /** The values the output schema lists for a top-level field ({@code enum}, or {@code const}); null for none. */
    private List<JsonNode> allowedValues(String field) {
        if (prompt == null || prompt.outputSchema() == null) return null;
        JsonNode property = prompt.outputSchema().path("properties").path(field);
        if (property.path("enum").isArray()) {
            List<JsonNode> values = new java.util.ArrayList<>();
            property.path("enum").forEach(values::add);
            return values;
        }
        return property.has("const") ? List.of(property.get("const")) : null;
    }
}
