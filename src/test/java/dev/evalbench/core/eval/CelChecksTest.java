package dev.evalbench.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseEvaluation;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.workspace.CheckSpec;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.SuiteKind;
import dev.evalbench.core.workspace.SuiteSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CEL checks as case checks and as the metric check.<name>.pass_rate, against hand-counted cases. */
class CelChecksTest {
    private static final CheckSpec SUM = new CheckSpec("total-is-sum", "output.total == output.net + output.tax");
    private static final CheckSpec HOLD = new CheckSpec("big-is-held",
            "output.total <= 5000.0 || decision.final_action == \"hold\"");
    private static final CheckSpec CURRENCY = new CheckSpec("currency-as-in-document",
            "output.currency == vars.document_currency && expected.currency == output.currency");
    private static final SuiteSpec SUITE = new SuiteSpec("invoices", SuiteKind.TASK, "p", "d.jsonl", "1", List.of(),
            List.of("total"), null, "h", List.of(), Map.of(), List.of(SUM, HOLD, CURRENCY));

    private static CaseEvaluation evaluate(String output, String decidedAction) throws Exception {
        EvalCase c = new EvalCase("i1", (ObjectNode) Json.MAPPER.readTree("{\"document_currency\": \"EUR\"}"),
                (ObjectNode) Json.MAPPER.readTree("{\"total\": 119, \"currency\": \"EUR\"}"), List.of(), List.of(), null,
                true, "d.jsonl", 1);
        Validation v = new Validation(Json.MAPPER.readTree(output), true, List.of());
        return TaskChecks.evaluate(SUITE, c, v, new Decision(true, decidedAction, decidedAction, null, null));
    }

    @Test
    void integersAndDecimalsAddUpAsNumbers() throws Exception {
        // 100 + 19 written as integers, 119.0 as a decimal: CEL sees doubles, so the sum holds
        CaseEvaluation e = evaluate("{\"total\": 119.0, \"net\": 100, \"tax\": 19, \"currency\": \"EUR\"}", "pay");

        assertThat(e.checks()).containsEntry("check.total-is-sum", true).containsEntry("check.big-is-held", true)
                .containsEntry("check.currency-as-in-document", true);
        assertThat(e.passed()).isTrue();
    }

    @Test
    void aFalseCheckAndAnUnevaluableCheckFailWithWhy() throws Exception {
        CaseEvaluation wrongSum = evaluate("{\"total\": 120, \"net\": 100, \"tax\": 19, \"currency\": \"EUR\"}", "pay");
        CaseEvaluation noTax = evaluate("{\"total\": 7000, \"net\": 7000, \"currency\": \"USD\"}", "pay");

        assertThat(wrongSum.failures()).containsExactly("total: expected 119, got 120.",
                "check.total-is-sum: false (output.total == output.net + output.tax).");
        assertThat(noTax.checks()).containsEntry("check.total-is-sum", false).containsEntry("check.big-is-held", false)
                .containsEntry("check.currency-as-in-document", false);
        assertThat(noTax.failures()).anySatisfy(f -> assertThat(f).startsWith("check.total-is-sum: could not be evaluated: ")
                .contains("tax"));
    }

    @Test
    void withoutAValidOutputEveryCheckFails() throws Exception {
        EvalCase c = new EvalCase("i1", Json.MAPPER.createObjectNode(), (ObjectNode) Json.MAPPER.readTree("{\"total\": 1}"),
                List.of(), List.of(), null, true, "d.jsonl", 1);

        CaseEvaluation e = TaskChecks.evaluate(SUITE, c, new Validation(null, false, List.of("not JSON")), null);

        assertThat(e.checks()).containsEntry("check.total-is-sum", false).containsEntry("check.big-is-held", false);
        assertThat(e.failures()).contains("check.total-is-sum: no valid output to check.");
    }

    @Test
    void thePassRateCountsTheCasesThatDidNotFailTheCheck() throws Exception {
        // 5 cases: 3 pass the sum check, 1 fails it, 1 has a provider failure (fails every check): 3 / 5
        List<CaseRecord> records = List.of(
                record("a", true), record("b", true), record("c", true), record("d", false),
                CaseRecordBuilder.of("invoices", "e").providerFailure("TIMEOUT", 10).failed("check.total-is-sum", "no answer").build("r"));

        MetricResolver resolver = new MetricResolver(SUITE);

        assertThat(resolver.value("check.total-is-sum.pass_rate", records)).isEqualTo(0.6);
        assertThat(resolver.correctnessVector("check.total-is-sum.pass_rate", records).orElseThrow())
                .containsExactly(1, 1, 1, 0, 0);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> resolver.value("check.nope.pass_rate", records)))
                .isInstanceOf(MetricUnavailableException.class).hasMessageContaining("does not score check.nope.pass_rate");
    }

    private static CaseRecord record(String id, boolean sumHolds) {
        CaseRecordBuilder b = CaseRecordBuilder.of("invoices", id).output("{\"total\": 1}").expected("total", 1);
        return (sumHolds ? b.passed() : b.failed("check.total-is-sum", "false")).build("r");
    }
}
