package dev.evalbench.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.gate.testkit.Fixtures;
import dev.evalbench.core.record.StoredRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateGatesTest {
    private final GateEvaluator evaluator = new GateEvaluator(List.of(Fixtures.triage(), Fixtures.safety()));

    private static StoredRun triageRun(int cases, int invalid, int providerFailures) {
        List<CaseRecordBuilder> b = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            CaseRecordBuilder r = CaseRecordBuilder.of("triage", "t" + i).output("{\"action\":\"reply\"}");
            if (i < invalid) {
                r.invalidOutput("not json");
            } else if (i < invalid + providerFailures) {
                r.providerFailure("SERVER_ERROR", 50);
            }
            b.add(r);
        }
        b.add(CaseRecordBuilder.of("safety", "p0").invalidOutput("broken"));
        return Fixtures.run("run-1", b);
    }

    private GateVerdict only(GateReport report) {
        assertThat(report.verdicts()).hasSize(1);
        return report.verdicts().get(0);
    }

    @Test
    void schemaPassRateAtTheMinimumPassesAndBelowItFails() {
        GateVerdict atMin = only(evaluator.evaluate(List.of(GateSpecs.schema("triage", 0.99)), triageRun(100, 1, 0), null));
        GateVerdict below = only(evaluator.evaluate(List.of(GateSpecs.schema("triage", 0.99)), triageRun(100, 1, 1), null));

        assertThat(atMin.passed()).isTrue();
        assertThat(atMin.value()).isEqualTo(0.99);
        assertThat(atMin.threshold()).isEqualTo(0.99);
        assertThat(atMin.comparator()).isEqualTo(">=");
        assertThat(atMin.kind()).isEqualTo("schema_pass_rate");
        assertThat(atMin.intervalLow()).isLessThan(0.99);
        assertThat(atMin.intervalHigh()).isGreaterThan(0.99);
        assertThat(below.passed()).isFalse();
        assertThat(below.value()).isEqualTo(0.98);
        assertThat(below.detail()).contains("2 invalid, 1 of them provider failures");
    }

    @Test
    void schemaPassRateWithoutASuiteCountsEveryRecordAndShowsTheBaseline() {
        StoredRun baseline = triageRun(9, 0, 0);
        GateVerdict v = only(evaluator.evaluate(List.of(GateSpecs.schema(null, 0.5)), triageRun(9, 0, 0), baseline));

        assertThat(v.value()).isCloseTo(0.9, within(1e-12));
        assertThat(v.baselineValue()).isCloseTo(0.9, within(1e-12));
        assertThat(v.pValue()).isNull();
    }

    /**
     * Outputs cut off at the output token limit are counted apart (their fix is the route's limit); over every record,
     * where a probe's invalid output does not say why, the count says it is of task outputs.
     */
    @Test
    void schemaPassRateCountsTheOutputsCutOffAtTheLimitApart() {
        String cut = "schema: the output is not valid against the output schema (the model stopped at its output token"
                + " limit after 400 tokens, so the answer is cut off: raise the limit in the route's params).";
        List<CaseRecordBuilder> b = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            CaseRecordBuilder r = CaseRecordBuilder.of("triage", "t" + i).output("{\"action\":\"reply\"}");
            if (i < 2) r.invalidOutput("{\"action\":\"re").failed("schema", cut);
            if (i == 2) r.invalidOutput("not json").failed("schema", "schema: the output is not valid against the output"
                    + " schema (not valid JSON at line 1, column 1).");
            b.add(r);
        }
        b.add(CaseRecordBuilder.of("safety", "p0").invalidOutput("broken"));
        StoredRun run = Fixtures.run("run-1", b);

        assertThat(only(evaluator.evaluate(List.of(GateSpecs.schema("triage", 0.99)), run, null)).detail())
                .contains("(3 invalid, 0 of them provider failures, 2 cut off at the output token limit)");
        assertThat(only(evaluator.evaluate(List.of(GateSpecs.schema(null, 0.99)), run, null)).detail())
                .contains("(4 invalid, 0 of them provider failures, 2 task outputs cut off at the output token limit)");
        assertThat(only(evaluator.evaluate(List.of(GateSpecs.schema("triage", 0.99)), triageRun(10, 2, 0), null)).detail())
                .as("none cut off: nothing said").contains("(2 invalid, 0 of them provider failures);");
    }

    private static CaseRecordBuilder probe(String id, boolean passed, boolean blocking) {
        return CaseRecordBuilder.of("safety", id).output("{\"action\":\"escalate\"}").passed(passed).blocking(blocking);
    }

    @Test
    void oneFailingBlockingProbeAloneFailsTheSafetyGate() {
        StoredRun run = Fixtures.run("run-1", List.of(probe("p1", true, true), probe("p2", true, true),
                probe("p3", false, true), probe("p4", true, true), probe("p5", true, true)));

        GateVerdict v = only(evaluator.evaluate(List.of(GateSpecs.safety("safety")), run, null));

        assertThat(v.passed()).isFalse();
        assertThat(v.value()).isEqualTo(0.8);
        assertThat(v.threshold()).isEqualTo(1.0);
        assertThat(v.intervalLow()).isCloseTo(0.3755, within(5e-4));
        assertThat(v.detail()).contains("1 of 5 blocking probes failed: p3");
    }

    @Test
    void nonBlockingFailuresAreNamedButDoNotFailTheGate() {
        StoredRun run = Fixtures.run("run-1", List.of(probe("p1", true, true), probe("p2", false, false)));

        GateVerdict v = only(evaluator.evaluate(List.of(GateSpecs.safety(null)), run, null));

        assertThat(v.passed()).isTrue();
        assertThat(v.value()).isEqualTo(1.0);
        assertThat(v.detail()).contains("All 1 blocking probes passed").contains("p2");
    }

    @Test
    void aProviderFailureOnABlockingProbeFailsTheGate() {
        StoredRun run = Fixtures.run("run-1", List.of(probe("p1", true, true),
                CaseRecordBuilder.of("safety", "p2").providerFailure("TIMEOUT", 30000)));

        GateVerdict v = only(evaluator.evaluate(List.of(GateSpecs.safety(null)), run, null));

        assertThat(v.passed()).isFalse();
        assertThat(v.detail()).contains("p2");
    }

    @Test
    void aSafetyGateWithNoBlockingProbeToCheckFails() {
        StoredRun run = Fixtures.run("run-1", List.of(probe("p1", true, false)));

        GateVerdict v = only(evaluator.evaluate(List.of(GateSpecs.safety("safety")), run, null));

        assertThat(v.passed()).isFalse();
        assertThat(v.value()).isNaN();
        assertThat(v.detail()).contains("no blocking probes");
    }
}
