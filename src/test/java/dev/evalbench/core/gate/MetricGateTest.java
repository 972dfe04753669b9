package dev.evalbench.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.gate.testkit.Fixtures;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.workspace.GateSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricGateTest {
    private final GateEvaluator evaluator = new GateEvaluator(List.of(Fixtures.triage(), Fixtures.safety()));

    /** 20 triage cases expecting "reply"; the first {@code wrong} are decided "close". */
    private static StoredRun routed(String id, int wrong) {
        List<CaseRecordBuilder> b = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String action = i < wrong ? "close" : "reply";
            b.add(CaseRecordBuilder.of("triage", "t" + i).expected("action", "reply", "category", i % 2 == 0 ? "A" : "B")
                    .output("{\"action\":\"" + action + "\",\"category\":\"" + (i < wrong ? "C" : i % 2 == 0 ? "A" : "B") + "\"}"));
        }
        return Fixtures.run(id, b);
    }

    private GateVerdict gate(String mode, StoredRun run, StoredRun baseline) {
        return evaluator.evaluate(List.of(GateSpecs.metric("routing", "routing.accuracy", null, 0.02, mode)), run, baseline)
                .verdicts().get(0);
    }

    @Test
    void aDropThatIsNotSignificantFailsStrictButPassesSignificant() {
        StoredRun baseline = routed("base", 0);
        StoredRun run = routed("run", 2);

        GateVerdict strict = gate("strict", run, baseline);
        GateVerdict significant = gate("significant", run, baseline);

        assertThat(strict.passed()).isFalse();
        assertThat(significant.passed()).isTrue();
        for (GateVerdict v : List.of(strict, significant)) {
            assertThat(v.value()).isEqualTo(0.9);
            assertThat(v.baselineValue()).isEqualTo(1.0);
            assertThat(v.threshold()).isCloseTo(0.98, within(1e-12));
            assertThat(v.pValue()).isCloseTo(0.5, within(1e-12));
            assertThat(v.intervalLow()).isLessThanOrEqualTo(-0.1);
            assertThat(v.intervalHigh()).isLessThanOrEqualTo(0.0).isGreaterThanOrEqualTo(-0.1);
        }
        assertThat(strict.mode()).isEqualTo("strict");
        assertThat(significant.detail()).contains("not significant at alpha 0.05").contains("McNemar");
    }

    @Test
    void aSignificantDropFailsBothModes() {
        StoredRun baseline = routed("base", 0);
        StoredRun run = routed("run", 8);

        GateVerdict strict = gate("strict", run, baseline);
        GateVerdict significant = gate("significant", run, baseline);

        assertThat(strict.passed()).isFalse();
        assertThat(significant.passed()).isFalse();
        assertThat(significant.pValue()).isCloseTo(0.0078125, within(1e-12));
        assertThat(significant.detail()).contains("the drop is significant");
    }

    @Test
    void aValueAtTheBaselineMinusToleranceHolds() {
        GateVerdict v = evaluator.evaluate(List.of(GateSpecs.metric("r", "routing.accuracy", null, 0.05, "strict")),
                routed("run", 1), routed("base", 0)).verdicts().get(0);

        assertThat(v.value()).isEqualTo(0.95);
        assertThat(v.passed()).isTrue();
    }

    @Test
    void aThresholdFromAMinAndATolerancePrintsBothSettingsBesideTheBound() {
        GateSpec spec = GateSpecs.metric("r", "routing.accuracy", 0.85, 0.02, "strict");

        GateVerdict v = evaluator.evaluate(List.of(spec), routed("run", 1), routed("base", 0)).verdicts().get(0);
        GateVerdict minOnly = evaluator.evaluate(List.of(spec), routed("run", 1), null).verdicts().get(0);

        assertThat(dev.evalbench.core.gate.ci.VerdictFormat.threshold(v)).isEqualTo("≥ 0.980 (min 0.850; baseline 1.000 − 0.020)");
        assertThat(dev.evalbench.core.gate.ci.VerdictFormat.threshold(minOnly)).isEqualTo("≥ 0.850");
    }

    @Test
    void aBaselineGateWithoutABaselineFailsAndSaysSo() {
        GateVerdict v = gate("significant", routed("run", 0), null);

        assertThat(v.passed()).isFalse();
        assertThat(v.value()).isEqualTo(1.0);
        assertThat(v.threshold()).isNaN();
        assertThat(v.pValue()).isNull();
        assertThat(v.detail()).contains(GateEvaluator.NEEDS_BASELINE);
    }

    @Test
    void aBaselineGateWithAMinFallsBackToTheMinWithoutABaseline() {
        GateSpec spec = GateSpecs.metric("r", "routing.accuracy", 0.85, 0.02, "strict");

        GateVerdict holds = evaluator.evaluate(List.of(spec), routed("run", 2), null).verdicts().get(0);
        GateVerdict below = evaluator.evaluate(List.of(spec), routed("run", 4), null).verdicts().get(0);

        assertThat(holds.passed()).isTrue();
        assertThat(holds.threshold()).isEqualTo(0.85);
        assertThat(holds.detail()).contains("only min was checked");
        assertThat(below.passed()).isFalse();
    }

    @Test
    void aMinGateUsesTheWilsonIntervalOfAnAccuracy() {
        GateVerdict v = evaluator.evaluate(List.of(GateSpecs.metric("cat", "classification.category.accuracy", 0.9, null, null)),
                routed("run", 2), null).verdicts().get(0);

        assertThat(v.passed()).isTrue();
        assertThat(v.value()).isEqualTo(0.9);
        assertThat(v.intervalLow()).isCloseTo(0.6990, within(5e-4));
        assertThat(v.intervalHigh()).isCloseTo(0.9721, within(5e-4));
        assertThat(v.pValue()).isNull();
        assertThat(v.suite()).isEqualTo("triage");
    }

    @Test
    void aNonAccuracyMetricIsComparedByPairedBootstrap() {
        GateSpec strict = GateSpecs.metric("f1", "classification.category.macro_f1", null, 0.01, "strict");
        GateSpec significant = GateSpecs.metric("f1", "classification.category.macro_f1", null, 0.01, "significant");

        GateReport report = evaluator.evaluate(List.of(strict, significant), routed("run", 1), routed("base", 0));

        GateVerdict s = report.verdicts().get(0);
        GateVerdict g = report.verdicts().get(1);
        assertThat(s.value()).isLessThan(0.99);
        assertThat(s.passed()).isFalse();
        assertThat(g.passed()).isTrue();
        assertThat(g.pValue()).isGreaterThan(0.05);
        assertThat(g.detail()).contains("paired bootstrap");
        assertThat(evaluator.evaluate(List.of(strict, significant), routed("run", 1), routed("base", 0)))
                .as("the seeded bootstrap gives the same report twice").isEqualTo(report);
    }

    @Test
    void anUnavailableMetricOrBadSpecFailsWithAReason() {
        GateVerdict label = evaluator.evaluate(List.of(GateSpecs.metric("x", "classification.category.recall.Z", 0.5, null, null)),
                routed("run", 0), null).verdicts().get(0);
        GateVerdict name = evaluator.evaluate(List.of(GateSpecs.metric("x", "accuracy", 0.5, null, null)),
                routed("run", 0), null).verdicts().get(0);
        GateVerdict noBound = evaluator.evaluate(List.of(GateSpecs.metric("x", "routing.accuracy", null, null, null)),
                routed("run", 0), null).verdicts().get(0);

        assertThat(List.of(label, name, noBound)).noneMatch(GateVerdict::passed);
        assertThat(label.detail()).contains("'Z'");
        assertThat(name.detail()).contains("unknown metric");
        assertThat(noBound.detail()).contains("min, baseline_tolerance");
    }
}
