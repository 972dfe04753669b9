package dev.evalbench.core.decide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.PolicySpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CEL business rules in the decision layer: a broken rule rejects with its reason and the fallback applies. */
class PolicyRulesTest {
    private static final PolicySpec POLICY = new PolicySpec(3, List.of("pay", "hold", "reject"), List.of(),
            List.of("action"), List.of(new PolicySpec.RestrictedPattern("iban", "\\bDE\\d{2}(?:\\s?\\d{4}){4}\\s?\\d{2}\\b")),
            null, null, "hold", "h",
            List.of(new PolicySpec.Rule("approval", "output.total > 5000.0", "output.action == \"hold\"", "amount needs approval"),
                    new PolicySpec.Rule("2", null, "output.currency == vars.currency", "currency differs from the document's")));
    private final PolicyDecider decider = new PolicyDecider(POLICY);

    private Decision decide(String output) throws Exception {
        EvalCase c = new EvalCase("i1", (ObjectNode) Json.MAPPER.readTree("{\"currency\": \"EUR\"}"), null, List.of(),
                List.of(), null, true, "d.jsonl", 1);
        return decider.decide(Json.MAPPER.readTree(output), c);
    }

    @Test
    void aBrokenRuleRejectsWithItsReasonAndTheFallbackAction() throws Exception {
        Decision d = decide("{\"action\": \"pay\", \"total\": 7200.5, \"currency\": \"EUR\"}");

        assertThat(d).isEqualTo(new Decision(false, "pay", "hold", "rule:approval", "amount needs approval"));
    }

    @Test
    void aRuleWhoseConditionDoesNotApplyOrWhoseRequirementHoldsAccepts() throws Exception {
        assertThat(decide("{\"action\": \"pay\", \"total\": 5000, \"currency\": \"EUR\"}").accepted()).isTrue();
        assertThat(decide("{\"action\": \"hold\", \"total\": 9000, \"currency\": \"EUR\"}").accepted()).isTrue();
    }

    @Test
    void rulesAreCheckedInOrderAndARuleWithoutWhenAlwaysApplies() throws Exception {
        Decision d = decide("{\"action\": \"pay\", \"total\": 120, \"currency\": \"USD\"}");

        assertThat(d.rule()).isEqualTo("rule:2");
        assertThat(d.reason()).isEqualTo("currency differs from the document's");
        assertThat(d.finalAction()).isEqualTo("hold");
    }

    @Test
    void aRuleThatCannotBeCheckedIsBroken() throws Exception {
        Decision d = decide("{\"action\": \"pay\", \"currency\": \"EUR\"}");

        assertThat(d.accepted()).isFalse();
        assertThat(d.rule()).isEqualTo("rule:approval");
        assertThat(d.reason()).startsWith("amount needs approval (the rule could not be checked on this output: ");
    }

    @Test
    void builtInRulesComeFirstSoALeakIsNamedAsALeak() throws Exception {
        Decision d = decide("{\"action\": \"pay\", \"total\": 7200, \"currency\": \"EUR\", \"note\": \"to DE89 3704 0044 0532 0130 00\"}");

        assertThat(d.rule()).isEqualTo("restricted_pattern:iban");
    }

    /**
     * A rule that compares every item with every other, over 3,000 items a model wrote: 9 million iterations,
     * past the bound of a million. The evaluation stops and the rule fails closed, saying why; 300 items pass.
     */
    @Test
    void aRuleThatWouldIterateWithoutBoundOverAModelsListIsStoppedAndFailsClosed() throws Exception {
        PolicySpec unique = new PolicySpec(3, List.of("pay", "hold"), List.of(), List.of("action"), List.of(), null, null,
                "hold", "h", List.of(new PolicySpec.Rule("unique-items", null,
                        "output.items.all(a, output.items.filter(b, b == a).size() == 1)", "items repeat")));
        EvalCase c = new EvalCase("i1", (ObjectNode) Json.MAPPER.readTree("{}"), null, List.of(), List.of(), null, true, "d.jsonl", 1);
        PolicyDecider rules = new PolicyDecider(unique);

        Decision many = rules.decide(Json.MAPPER.readTree("{\"action\": \"pay\", \"items\": " + items(3_000) + "}"), c);
        assertThat(many.accepted()).isFalse();
        assertThat(many.rule()).isEqualTo("rule:unique-items");
        assertThat(many.reason()).startsWith("items repeat (the rule could not be checked on this output: ").contains("1000000");
        assertThat(rules.decide(Json.MAPPER.readTree("{\"action\": \"pay\", \"items\": " + items(300) + "}"), c).accepted()).isTrue();
    }

    private static String items(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
