package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.cel.ExpressionException;
import dev.evalbench.core.cel.ExpressionScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the policy's CEL {@code rules} and type-checks each {@code when} and {@code require} against the output
 * schema of every prompt ({@link ExpressionScope#forRules}: {@code output} and {@code vars}), so a rule that
 * names a field one prompt's output lacks is refused at load, at its line and column in the policy file.
 * Names default to the rule's 1-based position and must be unique.
 */
final class PolicyRuleTypes {
    private PolicyRuleTypes() {}

    static List<PolicySpec.Rule> read(LoadContext ctx, LocatedTree tree, String text, List<JsonNode> outputSchemas) {
        JsonNode nodes = tree.root().path("rules");
        List<PolicySpec.Rule> rules = new ArrayList<>();
        Map<String, Integer> lineByName = new HashMap<>();
        List<ExpressionScope> scopes = new ArrayList<>();
        Set<JsonNode> distinct = new LinkedHashSet<>(outputSchemas);
        if (distinct.isEmpty()) distinct.add(null);
        // A stored run's own rules, read to gate it: type-checked when it was made, and never evaluated now.
        if (nodes.size() > 0 && !ctx.checkedByItsRun()) {
            for (JsonNode schema : distinct) scopes.add(ExpressionScope.forRules(schema));
        }
        for (int i = 0; i < nodes.size(); i++) {
            String at = "/rules/" + i;
            JsonNode n = nodes.get(i);
            String name = Trees.text(n, "name", String.valueOf(i + 1));
            Integer first = lineByName.putIfAbsent(name, tree.valueAt(at).line());
            if (first != null) {
                ctx.add(tree.errorAt(at, "duplicate rule name \"" + name + "\" (first on line " + first + ")"));
            }
            PolicySpec.Rule rule = new PolicySpec.Rule(name, Trees.text(n, "when"), Trees.text(n, "require"), Trees.text(n, "reason"));
            if (rule.when() != null) check(ctx, tree, text, at + "/when", rule.when(), scopes, "rule \"" + name + "\" (when)");
            check(ctx, tree, text, at + "/require", rule.require(), scopes, "rule \"" + name + "\" (require)");
            rules.add(rule);
        }
        return List.copyOf(rules);
    }

    private static void check(LoadContext ctx, LocatedTree tree, String text, String pointer, String expr,
                              List<ExpressionScope> scopes, String what) {
        for (ExpressionScope scope : scopes) {
            try {
                scope.compile(expr);
            } catch (ExpressionException e) {
                ctx.add(ExpressionPlaces.error(tree, text, pointer, e, what));
                return;
            }
        }
    }
}
