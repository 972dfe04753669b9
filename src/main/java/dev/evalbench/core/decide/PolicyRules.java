package dev.evalbench.core.decide;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.cel.CompiledExpression;
import dev.evalbench.core.cel.ExpressionException;
import dev.evalbench.core.cel.ExpressionScope;
import dev.evalbench.core.cel.ExpressionValues;
import dev.evalbench.core.workspace.PolicySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy's CEL business rules over one output: the first rule whose {@code when} holds (or that has none)
 * and whose {@code require} does not hold is broken. A rule that cannot be evaluated on this output (a field
 * it lacks, a null where a number was needed) counts as broken: a limit that cannot be checked is not passed,
 * as with {@code refund_limit}. Rules were type-checked against the output schemas at load; they are compiled
 * here once over open objects. Immutable and thread-safe.
 */
final class PolicyRules {
    private record Compiled(PolicySpec.Rule rule, CompiledExpression when, CompiledExpression require) {}

    /** A broken rule: its key ({@code rule:<name>}) and the reason to record. */
    record Broken(String key, String reason) {}

    private final List<Compiled> rules;

    /** @throws IllegalArgumentException when a rule does not compile (the loader refuses such a policy first) */
    PolicyRules(List<PolicySpec.Rule> rules) {
        // No rules, no CEL: its runtime costs a command's start tens of milliseconds to build.
        ExpressionScope scope = rules.isEmpty() ? null : ExpressionScope.forRules(null);
        List<Compiled> compiled = new ArrayList<>();
        for (PolicySpec.Rule r : rules) {
            try {
                compiled.add(new Compiled(r, r.when() == null ? null : scope.compile(r.when()), scope.compile(r.require())));
            } catch (ExpressionException e) {
                throw new IllegalArgumentException("policy rule \"" + r.name() + "\" does not compile: " + e.getMessage(), e);
            }
        }
        this.rules = List.copyOf(compiled);
    }

    Optional<Broken> firstBroken(JsonNode output, JsonNode vars) {
        if (rules.isEmpty()) return Optional.empty();
        Map<String, Object> values = Map.of("output", ExpressionValues.of(output), "vars", ExpressionValues.of(vars));
        for (Compiled c : rules) {
            try {
                if ((c.when() == null || c.when().test(values)) && !c.require().test(values)) {
                    return Optional.of(new Broken(c.rule().ruleKey(), c.rule().reason()));
                }
            } catch (ExpressionException e) {
                return Optional.of(new Broken(c.rule().ruleKey(), c.rule().reason()
                        + " (the rule could not be checked on this output: " + e.getMessage() + ")"));
            }
        }
        return Optional.empty();
    }
}
