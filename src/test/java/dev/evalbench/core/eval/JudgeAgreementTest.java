package dev.evalbench.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.JudgeVerdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Judge metrics and agreement with human labels on small tables worked out by hand. */
class JudgeAgreementTest {
    private static CaseSummary judged(String id, String outcome, Integer score, Integer label, Boolean labelPassed) {
        JudgeVerdict v = new JudgeVerdict("quality", outcome, score, score == null ? null : "why", null, label, labelPassed, false);
        return new CaseSummary(new CaseKey("triage", id, "triage", "offline", 0), "trace", true, true, null, true, "reply",
                List.of(), false, "offline", "m", 1, 1, 1, 0, 1, 0, false, List.of(), null, null, null, null, List.of(),
                List.of(), false, List.of(v));
    }

    private static CaseSummary scored(String id, int score, int label) {
        return judged(id, score >= 4 ? JudgeVerdict.PASS : JudgeVerdict.FAIL, score, label, label >= 4);
    }

    @Test
    void kappaOnPassFailAndWeightedKappaOnScoresMatchTheHandCount() {
        // Judge vs human: (5,5) x4, (4,4) x3, (2,2) x3, (4,2), (2,4) -> pass/fail: both pass 7, both fail 3, one each way.
        List<CaseSummary> cases = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < 4; i++) cases.add(scored("a" + n++, 5, 5));
        for (int i = 0; i < 3; i++) cases.add(scored("a" + n++, 4, 4));
        for (int i = 0; i < 3; i++) cases.add(scored("a" + n++, 2, 2));
        cases.add(scored("a" + n++, 4, 2));
        cases.add(scored("a" + n++, 2, 4));
        cases.add(judged("err", JudgeVerdict.ERROR, null, 5, true));
        cases.add(judged("none", JudgeVerdict.NO_OUTPUT, null, 3, false));

        JudgeAgreement a = JudgeAgreement.of("triage", "quality", cases);

        assertThat(a.labelled()).as("an error and a case without output are not labelled pairs").isEqualTo(12);
        // p_o = 10/12; both sides pass 8 of 12: p_e = (8*8 + 4*4)/144 = 80/144; kappa = (120 - 80)/(144 - 80) = 0.625
        assertThat(a.kappa()).isCloseTo(0.625, within(1e-12));
        // judge scores {5x4, 4x4, 2x4}, human the same multiset: observed sum of squares 4 + 4 = 8 over 12;
        // chance: mean of (a - b)^2 over 144 pairs = 2 * variance = 2 * (180/12 - (44/12)^2) = 2 * 14/9 = 28/9
        assertThat(a.weightedKappa()).isCloseTo(1 - (8.0 / 12) / (28.0 / 9), within(1e-12));
        assertThat(a.passed()).isEqualTo(8);
        assertThat(a.failed()).isEqualTo(4);
        assertThat(a.errors()).isEqualTo(1);
        assertThat(a.noOutput()).isEqualTo(1);
        assertThat(a.meanScore()).isCloseTo(44.0 / 12, within(1e-12));
        assertThat(JudgeMetrics.passRate(cases, "quality")).isEqualTo(8.0 / 14);
    }

    @Test
    void fewerThanTenLabelsGiveNoKappa() {
        List<CaseSummary> cases = List.of(scored("a", 5, 5), scored("b", 2, 4), scored("c", 4, 4));
        JudgeAgreement a = JudgeAgreement.of("triage", "quality", cases);
        assertThat(a.labelled()).isEqualTo(3);
        assertThat(a.tooFewLabels()).isTrue();
        assertThat(a.kappa()).isNull();
        assertThat(a.weightedKappa()).isNull();
        assertThat(dev.evalbench.core.gate.ci.JudgeWording.agreement(a)).isEqualTo("too few labels (3; a kappa needs 10)");
    }

    @Test
    void agreementOnEverythingAlikeIsUndefinedNotPerfect() {
        List<CaseSummary> cases = new ArrayList<>();
        for (int i = 0; i < 10; i++) cases.add(scored("s" + i, 5, 5));
        JudgeAgreement a = JudgeAgreement.of("triage", "quality", cases);
        assertThat(a.kappa()).isNull();
        assertThat(a.weightedKappa()).isNull();
        assertThat(dev.evalbench.core.gate.ci.JudgeWording.agreementState(a)).isEqualTo("undefined");
    }

    @Test
    void weightedKappaCostsANearMissLessThanAFarOne() {
        List<WeightedKappa.Pair> near = List.of(new WeightedKappa.Pair(1, 1), new WeightedKappa.Pair(2, 2),
                new WeightedKappa.Pair(3, 3), new WeightedKappa.Pair(4, 5), new WeightedKappa.Pair(5, 4));
        List<WeightedKappa.Pair> far = List.of(new WeightedKappa.Pair(1, 1), new WeightedKappa.Pair(2, 2),
                new WeightedKappa.Pair(3, 3), new WeightedKappa.Pair(4, 1), new WeightedKappa.Pair(1, 4));
        // near: observed 2/5; chance: both sides {1..5}, mean over 25 pairs of (a-b)^2 = 2 * var = 4 -> 1 - 0.4/4 = 0.9
        assertThat(WeightedKappa.quadratic(near)).isCloseTo(0.9, within(1e-12));
        assertThat(WeightedKappa.quadratic(far)).isLessThan(WeightedKappa.quadratic(near));
    }
}
