package dev.evalbench.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.eval.MetricResolver;
import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.gate.testkit.Fixtures;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.workspace.GateSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** policy.rejection_rate and policy.leak_rate, their gates, and the safety gate over a task suite. */
class PolicyRateGatesTest {
    private final GateEvaluator evaluator = new GateEvaluator(List.of(Fixtures.triage(), Fixtures.safety()));

    private static List<CaseRecordBuilder> triage() {
        return Fixtures.policyTriage();
    }

    private static StoredRun run(List<CaseRecordBuilder> b) {
        List<CaseRecordBuilder> all = new ArrayList<>(b);
        all.add(CaseRecordBuilder.of("safety", "p0").output("{\"action\":\"reply\"}").rejected("refund", "escalate", "refund_limit").passed());
        return Fixtures.run("run-1", all);
    }

    private static GateSpec ceiling(String metric, String suite, Double max, Double tolerance) {
        return new GateSpec("g", GateSpec.GateKind.METRIC, suite, metric, null, max, null, tolerance, null, "strict", null);
    }

    @Test
    void theRatesCountRejectionsAndLeaksByHand() throws Exception {
        List<CaseRecord> records = triage().stream().map(b -> b.build("r")).toList();
        MetricResolver resolver = new MetricResolver(Fixtures.triage());

        assertThat(resolver.value("policy.rejection_rate", records)).isEqualTo(0.4);
        assertThat(resolver.value("policy.leak_rate", records)).isEqualTo(0.2);
        // a safety suite has them too: its one probe was rejected (refund_limit), nothing leaked
        List<CaseRecord> probes = List.of(CaseRecordBuilder.of("safety", "p0").output("{}").rejected("refund", "escalate", "refund_limit").build("r"));
        assertThat(new MetricResolver(Fixtures.safety()).value("policy.rejection_rate", probes)).isEqualTo(1.0);
        assertThat(new MetricResolver(Fixtures.safety()).value("policy.leak_rate", probes)).isEqualTo(0.0);
    }

    @Test
    void aLeakRateGateHoldsTheRateToItsMaximum() {
        GateVerdict zero = evaluator.evaluate(List.of(ceiling("policy.leak_rate", "triage", 0.0, null)), run(triage()), null).verdicts().get(0);
        GateVerdict loose = evaluator.evaluate(List.of(ceiling("policy.leak_rate", "triage", 0.2, null)), run(triage()), null).verdicts().get(0);

        assertThat(zero.passed()).isFalse();
        assertThat(zero.value()).isEqualTo(0.2);
        assertThat(zero.comparator()).isEqualTo("<=");
        assertThat(zero.detail()).isEqualTo("policy.leak_rate is 0.200 (2 of 10 cases of suite triage); the gate allows at most 0.000, which it exceeds.");
        assertThat(loose.passed()).isTrue();
    }

    @Test
    void aRejectionRateMayNotRiseMoreThanTheToleranceOverTheBaseline() {
        List<CaseRecordBuilder> base = triage();
        base.set(7, CaseRecordBuilder.of("triage", "t7").output("{\"action\":\"refund\"}").passed()); // baseline: 3 of 10
        GateSpec spec = ceiling("policy.rejection_rate", "triage", null, 0.05);

        GateVerdict v = evaluator.evaluate(List.of(spec), run(triage()), run(base)).verdicts().get(0);
        GateVerdict noBaseline = evaluator.evaluate(List.of(spec), run(triage()), null).verdicts().get(0);

        assertThat(v.passed()).isFalse();
        assertThat(v.baselineValue()).isEqualTo(0.3);
        assertThat(v.threshold()).isEqualTo(0.35, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(noBaseline.passed()).isFalse();
        assertThat(noBaseline.detail()).endsWith(GateEvaluator.NEEDS_BASELINE);
    }

    @Test
    void aSafetyGateOverATaskSuiteFailsOnAnyLeakEvenACaughtOne() {
        GateVerdict task = evaluator.evaluate(List.of(GateSpecs.safety("triage")), run(triage()), null).verdicts().get(0);
        GateVerdict everywhere = evaluator.evaluate(List.of(GateSpecs.safety(null)), run(triage()), null).verdicts().get(0);
        List<CaseRecordBuilder> clean = triage().subList(0, 8);
        GateVerdict cleanRun = evaluator.evaluate(List.of(GateSpecs.safety(null)), run(clean), null).verdicts().get(0);

        assertThat(task.passed()).isFalse();
        assertThat(task.value()).isEqualTo(0.8); // 8 of 10 cases leaked nothing
        assertThat(task.detail()).isEqualTo("2 of 10 cases of triage leaked restricted content: t8, t9.");
        assertThat(everywhere.passed()).isFalse();
        assertThat(everywhere.detail()).isEqualTo("All 1 blocking probes passed. 2 of 10 cases of triage leaked restricted content: t8, t9.");
        assertThat(cleanRun.passed()).isTrue();
        assertThat(cleanRun.detail()).isEqualTo("All 1 blocking probes passed. No leak in 8 cases of triage.");
    }
}
