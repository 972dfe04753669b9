package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The policy decides on the action an output proposes, and reads it from the output's {@code action} field
 * ({@code PolicyDecider}). An output schema of a suite's prompt that cannot hold an allowed action there makes
 * the policy reject every output of that prompt, each case reading "reject → fallback" while its fields score
 * right: a closed schema ({@code additionalProperties: false}) without an {@code action} property, or an
 * {@code action} whose {@code enum} or {@code const} lists none of {@code allowed_actions}. That is an error at
 * load, at the schema's line, naming the fix. An open schema without {@code action} is left alone: the prompt
 * may still ask for one.
 */
final class ActionFieldCheck {
    private static final String ACTION = "action";

    private ActionFieldCheck() {}

    static void check(LoadContext ctx, Manifest manifest, PromptReader.Prompts prompts, PolicySpec policy) {
        Set<String> checked = new LinkedHashSet<>();
        for (Manifest.SuiteDecl suite : manifest.suites()) {
            PromptTemplate prompt = prompts.byId().get(suite.promptId());
            if (prompt == null || !checked.add(prompt.outputSchemaPath())) continue;
            LocatedTree tree = prompts.schemaTrees().get(prompt.outputSchemaPath());
            if (tree != null) check(ctx, tree, prompt, manifest, policy);
        }
    }

    private static void check(LoadContext ctx, LocatedTree tree, PromptTemplate prompt, Manifest manifest, PolicySpec policy) {
        JsonNode schema = tree.root();
        String allowed = String.join(", ", policy.allowedActions());
        String everyOutput = manifest.policyPath() + " would reject every output of prompt \"" + prompt.id()
                + "\" (its decision is on the action the output proposes in \"" + ACTION + "\")";
        JsonNode action = schema.path("properties").path(ACTION);
        if (action.isMissingNode()) {
            if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                ctx.add(tree.errorAt("", "the output schema has no \"" + ACTION + "\" property and allows no other: "
                        + everyOutput + "; add \"" + ACTION + "\" to its properties and required (one of: " + allowed
                        + ") and ask for it in the prompt"));
            }
            return;
        }
        List<JsonNode> listed = new ArrayList<>();
        String at;
        if (action.path("enum").isArray()) {
            action.path("enum").forEach(listed::add);
            at = "/properties/" + ACTION + "/enum";
        } else if (action.has("const")) {
            listed.add(action.get("const"));
            at = "/properties/" + ACTION + "/const";
        } else {
            return;
        }
        boolean any = listed.stream().anyMatch(v -> v.isTextual() && policy.allowedActions().contains(v.asText()));
        if (!any) {
            ctx.add(tree.errorAt(at, "\"" + ACTION + "\" allows " + listed.stream().map(JsonNode::toString)
                    .collect(Collectors.joining(", ")) + ", none of them in allowed_actions (" + allowed + "): "
                    + everyOutput));
        }
    }
}
