package dev.evalbench.core.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict rules: hold on thin evidence, the critical veto, then the score. */
class CanaryVerdictsTest {
    private static MetricJudgement judged(CanaryMetric m, MetricStatus status) {
        return new MetricJudgement(m, status, CanaryJudge.bad(m, status), 1.0, 1.0, 0.0, 0.0, 0.0, "t", 0.5, m.floor(), 500, 500, "d");
    }

    private static List<MetricJudgement> allPassExcept(CanaryMetric worse, MetricStatus status) {
        List<MetricJudgement> out = new ArrayList<>();
        for (CanaryMetric m : CanaryMetric.values()) out.add(judged(m, m == worse ? status : MetricStatus.PASS));
        return out;
    }

    private static CanaryResult decide(int n, List<MetricJudgement> metrics) {
        return CanaryVerdicts.decide("c", "k", n, n, CanaryOptions.DEFAULTS, metrics);
    }

    @Test
    void aCriticalMetricThatGotWorseRollsBackAlone() {
        CanaryResult r = decide(500, allPassExcept(CanaryMetric.ERROR_RATE, MetricStatus.HIGH));
        assertThat(r.verdict()).isEqualTo(CanaryVerdict.ROLL_BACK);
        assertThat(r.reason()).contains("error rate high (critical)");
    }

    @Test
    void oneNonCriticalMetricWorseHoldsAndAnImprovementIsNotAFailure() {
        assertThat(decide(500, allPassExcept(CanaryMetric.TOKENS, MetricStatus.HIGH)).verdict()).isEqualTo(CanaryVerdict.HOLD);
        assertThat(decide(500, allPassExcept(CanaryMetric.P95_LATENCY, MetricStatus.LOW)).verdict()).isEqualTo(CanaryVerdict.PROMOTE);
        assertThat(decide(500, allPassExcept(CanaryMetric.SCHEMA_PASS_RATE, MetricStatus.HIGH)).verdict()).isEqualTo(CanaryVerdict.PROMOTE);
    }

    @Test
    void aDecisionShiftEitherWayCounts() {
        assertThat(decide(500, allPassExcept(CanaryMetric.DECISION_DISTRIBUTION, MetricStatus.LOW)).badMetrics()).hasSize(1);
    }

    @Test
    void tooFewRequestsHoldEvenWithAllPassing() {
        CanaryResult r = decide(99, allPassExcept(null, MetricStatus.PASS));
        assertThat(r.verdict()).isEqualTo(CanaryVerdict.HOLD);
        assertThat(r.reason()).contains("too few requests");
    }

    @Test
    void aCriticalMetricWithoutDataHolds() {
        List<MetricJudgement> metrics = allPassExcept(null, MetricStatus.PASS);
        metrics.set(1, MetricJudgement.noData(CanaryMetric.ERROR_RATE, 0, 0, "none"));
        assertThat(decide(500, metrics).verdict()).isEqualTo(CanaryVerdict.HOLD);
    }
}
