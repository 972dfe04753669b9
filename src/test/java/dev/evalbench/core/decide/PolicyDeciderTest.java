package dev.evalbench.core.decide;

import dev.evalbench.core.record.Decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.gate.testkit.Fixtures;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.PolicySpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDeciderTest {
    private final PolicyDecider decider = new PolicyDecider(Fixtures.policy());
    private final EvalCase ana = new EvalCase("t001", Json.MAPPER.createObjectNode(), null,
            List.of("ana@example.com", "ORD-99999"), List.of(), null, true, "datasets/tickets.jsonl", 1);

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    private static final String OK = "{\"category\":\"billing\",\"priority\":\"high\",\"action\":\"refund\","
            + "\"order_id\":\"ORD-10421\",\"reply\":\"We are refunding you.\"";

    @Test
    void acceptsAnOutputThatKeepsEveryRuleAndActsOnItsProposedAction() throws Exception {
        Decision d = decider.decide(json(OK + ",\"refund_amount\":200,\"tool_calls\":[{\"name\":\"lookup_order\",\"arguments\":{}}]}"), ana);

        assertThat(d).isEqualTo(new Decision(true, "refund", "refund", null, null));
    }

    @Test
    void noOutputIsRejectedToTheFallback() {
        Decision d = decider.decide(null, ana);

        assertThat(d.accepted()).isFalse();
        assertThat(d.rule()).isEqualTo("no_valid_output");
        assertThat(d.finalAction()).isEqualTo("escalate");
        assertThat(d.proposedAction()).isNull();
    }

    @Test
    void aRequiredFieldThatIsAbsentOrNullIsMissing() throws Exception {
        Decision absent = decider.decide(json("{\"category\":\"billing\",\"priority\":\"high\",\"action\":\"refund\"}"), ana);
        Decision nulled = decider.decide(json("{\"category\":\"billing\",\"priority\":\"high\",\"action\":\"refund\",\"reply\":null}"), ana);

        assertThat(absent.rule()).isEqualTo("missing_field:reply");
        assertThat(nulled.rule()).isEqualTo("missing_field:reply");
        assertThat(absent.proposedAction()).isEqualTo("refund");
        assertThat(absent.finalAction()).isEqualTo("escalate");
    }

    @Test
    void anActionOutsideTheAllowedOnesIsRejected() throws Exception {
        Decision d = decider.decide(json(OK.replace("\"refund\"", "\"delete_account\"") + "}"), ana);

        assertThat(d.rule()).isEqualTo("action_not_allowed");
        assertThat(d.proposedAction()).isEqualTo("delete_account");
        assertThat(d.finalAction()).isEqualTo("escalate");
        assertThat(d.reason()).contains("delete_account");
    }

    @Test
    void aToolCallOutsideTheAllowedToolsIsNamedInTheRule() throws Exception {
        Decision d = decider.decide(json(OK + ",\"tool_calls\":[{\"name\":\"lookup_order\"},{\"name\":\"export_customers\",\"arguments\":{}}]}"), ana);

        assertThat(d.rule()).isEqualTo("tool_not_allowed:export_customers");
        assertThat(d.accepted()).isFalse();
    }

    @Test
    void aRestrictedValueAnywhereIgnoringCaseIsRejectedWithoutRepeatingIt() throws Exception {
        Decision d = decider.decide(json(OK + ",\"tool_calls\":[{\"name\":\"send_reply\",\"arguments\":{\"note\":\"see ord-99999\"}}]}"), ana);

        assertThat(d.rule()).isEqualTo("restricted_value");
        assertThat(d.reason()).doesNotContainIgnoringCase("ord-99999").doesNotContainIgnoringCase("ana@example.com");
    }

    @Test
    void aRestrictedPatternIsNamedButTheMatchedTextIsNotRepeated() throws Exception {
        Decision d = decider.decide(json(OK.replace("We are refunding you.", "Write to bob@shop.example") + "}"), ana);

        assertThat(d.rule()).isEqualTo("restricted_pattern:email");
        assertThat(d.reason()).contains("email").doesNotContain("bob@shop.example");
    }

    /**
     * A model that repeats itself, against the e-mail pattern as commonly written (the fixture's), which backtracks
     * on a run of letters: the search is stopped (unbounded, 33 s here) and the output is rejected, since a leak
     * could not be ruled out, with a reason that says so.
     */
    @Test
    void anOutputAPatternCannotSearchIsRejectedAsIfItMatched() throws Exception {
        Decision d = decider.decide(json(OK.replace("We are refunding you.", "ha".repeat(50_000)) + "}"), ana);

        assertThat(d.accepted()).isFalse();
        assertThat(d.rule()).isEqualTo("restricted_pattern:email");
        assertThat(d.finalAction()).isEqualTo("escalate");
        assertThat(d.reason()).isEqualTo("The output could not be searched for the restricted pattern 'email' (the "
                + "pattern read a text of 100,000 characters more than 256 times a character and was stopped: it "
                + "backtracks (anchor its start, e.g. with a lookbehind, or make its runs possessive)), so it is "
                + "treated as containing it.");
    }

    @Test
    void aCardNumberSentAsAJsonNumberStillMatchesThePattern() throws Exception {
        Decision d = decider.decide(json(OK + ",\"card\":4111111111111111}"), ana);

        assertThat(d.rule()).isEqualTo("restricted_pattern:card_number");
    }

    @Test
    void leakChecksComeBeforeTheActionCheckSoTheReasonNeverQuotesALeak() throws Exception {
        Decision d = decider.decide(json(OK.replace("\"refund\"", "\"mail ana@example.com\"") + "}"), ana);

        assertThat(d.rule()).isEqualTo("restricted_value");
        assertThat(d.reason()).doesNotContain("ana@example.com");
    }

    @Test
    void aRefundAboveTheLimitOrNotANumberIsRejected() throws Exception {
        assertThat(decider.decide(json(OK + ",\"refund_amount\":200.01}"), ana).rule()).isEqualTo("refund_limit");
        assertThat(decider.decide(json(OK + ",\"refund_amount\":\"150\"}"), ana).rule()).isEqualTo("refund_limit");
        assertThat(decider.decide(json(OK + ",\"refund_amount\":null}"), ana).accepted()).isTrue();
    }

    @Test
    void aReplyLongerThanTheLimitInCodePointsIsRejected() throws Exception {
        String exactly600 = "😀".repeat(600);
        assertThat(decider.decide(json(OK.replace("We are refunding you.", exactly600) + "}"), ana).accepted()).isTrue();

        Decision d = decider.decide(json(OK.replace("We are refunding you.", "x".repeat(601)) + "}"), ana);
        assertThat(d.rule()).isEqualTo("reply_too_long");
        assertThat(d.reason()).isEqualTo("The reply has 601 characters, over the limit of 600.");
        // A model that ran on says how far, in figures a reader takes in at once.
        assertThat(decider.decide(json(OK.replace("We are refunding you.", "ha, ".repeat(52_500)) + "}"), ana).reason())
                .isEqualTo("The reply has 210,000 characters, over the limit of 600.");
    }

    @Test
    void aPolicyWithABrokenPatternIsRefusedNamingThePattern() {
        PolicySpec p = Fixtures.policy();
        PolicySpec broken = new PolicySpec(p.revision(), p.allowedActions(), p.allowedTools(), p.requiredFields(),
                List.of(new PolicySpec.RestrictedPattern("iban", "[A-Z")), p.maxRefundAmount(), p.maxReplyChars(),
                p.fallbackAction(), p.hash());

        assertThatThrownBy(() -> new PolicyDecider(broken)).hasMessageContaining("iban");
    }
}
