package dev.evalbench.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.gate.testkit.Fixtures;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.workspace.GateSpec;
import java.util.ArrayList;
import java.util.List;
import dev.evalbench.core.gate.ci.VerdictFormat;
import org.junit.jupiter.api.Test;

class BudgetGatesTest {
    private final GateEvaluator evaluator = new GateEvaluator(List.of(Fixtures.triage(), Fixtures.safety()));

    /** Latencies 10, 20, ..., 200 ms: the nearest-rank p95 is 190 ms. */
    private static List<CaseRecordBuilder> twentyCases() {
        List<CaseRecordBuilder> b = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            b.add(CaseRecordBuilder.of("triage", "t" + i).latency(i * 10L).tokens(100, 20).cost(0.001));
        }
        return b;
    }

    private GateVerdict one(GateSpec spec, StoredRun run, StoredRun baseline) {
        return evaluator.evaluate(List.of(spec), run, baseline).verdicts().get(0);
    }

    @Test
    void p95LatencyWithinTheBudgetPassesAndAboveItFails() {
        StoredRun run = Fixtures.run("run", twentyCases());

        GateVerdict within = one(GateSpecs.latency(190), run, null);
        GateVerdict over = one(GateSpecs.latency(189), run, null);

        assertThat(within.passed()).isTrue();
        assertThat(within.value()).isEqualTo(190.0);
        assertThat(within.comparator()).isEqualTo("<=");
        assertThat(within.intervalLow()).isLessThanOrEqualTo(190.0);
        assertThat(within.intervalHigh()).isEqualTo(200.0);
        assertThat(over.passed()).isFalse();
        assertThat(over.detail()).contains("190 ms").contains("189 ms");
    }

    @Test
    void aTimeoutKeepsItsLatencyButACallThatNeverWentOutIsLeftOut() {
        List<CaseRecordBuilder> withTimeouts = twentyCases();
        withTimeouts.add(CaseRecordBuilder.of("triage", "slow1").providerFailure("TIMEOUT", 30000));
        withTimeouts.add(CaseRecordBuilder.of("triage", "slow2").providerFailure("TIMEOUT", 30000));
        List<CaseRecordBuilder> withMissingKeys = twentyCases();
        withMissingKeys.add(CaseRecordBuilder.of("triage", "k1").providerFailure("MISSING_KEY", 0));
        withMissingKeys.add(CaseRecordBuilder.of("triage", "k2").providerFailure("MISSING_KEY", 0));

        assertThat(one(GateSpecs.latency(800), Fixtures.run("a", withTimeouts), null).value()).isEqualTo(30000.0);
        assertThat(one(GateSpecs.latency(800), Fixtures.run("b", withMissingKeys), null).value()).isEqualTo(190.0);
    }

    @Test
    void totalTokensCountInAndOutAgainstTheBudget() {
        StoredRun run = Fixtures.run("run", twentyCases());

        GateVerdict within = one(GateSpecs.tokens(2400), run, run);
        GateVerdict over = one(GateSpecs.tokens(2399), run, null);

        assertThat(within.passed()).isTrue();
        assertThat(within.value()).isEqualTo(2400.0);
        assertThat(within.baselineValue()).isEqualTo(2400.0);
        assertThat(within.intervalLow()).isEqualTo(2400.0);
        assertThat(over.passed()).isFalse();
    }

    private static StoredRun costing(String id, double each, int cases) {
        List<CaseRecordBuilder> b = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            b.add(CaseRecordBuilder.of("triage", "t" + i).cost(each));
        }
        return Fixtures.run(id, b);
    }

    @Test
    void tokenAndCostGatesSayWhenTheirFiguresAreEstimates() {
        List<CaseRecordBuilder> cases = twentyCases();
        cases.get(0).estimatedTokens();
        cases.get(1).estimatedTokens();
        StoredRun run = Fixtures.run("run", cases);
        StoredRun baseline = Fixtures.run("base", twentyCases());

        GateVerdict tokens = one(GateSpecs.tokens(10_000), run, null);
        GateVerdict cost = one(GateSpecs.cost(0.10), run, baseline);
        GateVerdict reportedOnly = one(GateSpecs.tokens(10_000), baseline, null);

        assertThat(tokens.passed()).isTrue();
        assertThat(tokens.detail()).endsWith(" Estimated, not reported: tokens of 2 of 20 cases of this run "
                + "(the provider sent no usage; estimated as characters / 4).");
        assertThat(cost.detail()).contains("Estimated, not reported: tokens of 2 of 20 cases of this run");
        assertThat(reportedOnly.detail()).doesNotContain("Estimated");
    }

    @Test
    void costWithinTheVarianceEitherWayPassesAndBeyondItFails() {
        StoredRun baseline = costing("base", 0.001, 10);

        GateVerdict up5 = one(GateSpecs.cost(0.10), costing("run", 0.00105, 10), baseline);
        GateVerdict up20 = one(GateSpecs.cost(0.10), costing("run", 0.0012, 10), baseline);
        GateVerdict down20 = one(GateSpecs.cost(0.10), costing("run", 0.0008, 10), baseline);

        assertThat(up5.passed()).isTrue();
        assertThat(up5.value()).isCloseTo(0.05, within(1e-9));
        assertThat(up5.threshold()).isEqualTo(0.10);
        assertThat(up5.intervalLow()).isCloseTo(0.05, within(1e-9));
        assertThat(up20.passed()).isFalse();
        assertThat(up20.detail()).contains("rose 20.0%");
        assertThat(down20.passed()).isFalse();
        assertThat(down20.value()).isCloseTo(0.2, within(1e-9));
        assertThat(down20.detail()).contains("fell 20.0%");
    }

    @Test
    void costComparesMatchedCasesOnlySoAddedCasesDoNotCountAsIncrease() {
        GateVerdict v = one(GateSpecs.cost(0.10), costing("run", 0.001, 15), costing("base", 0.001, 10));

        assertThat(v.passed()).isTrue();
        assertThat(v.value()).isZero();
        assertThat(v.detail()).contains("10 matched cases");
    }

    /** It fails, and still says what it allows and what this run cost: the table read "—" for both. */
    @Test
    void costVarianceWithoutABaselineFailsNamingItsVarianceAndTheRunsCost() {
        GateVerdict v = one(GateSpecs.cost(0.10), costing("run", 0.001, 10), null);

        assertThat(v.passed()).isFalse();
        assertThat(v.value()).isNaN();
        assertThat(v.threshold()).isEqualTo(0.10);
        assertThat(v.detail()).isEqualTo(GateEvaluator.NEEDS_BASELINE
                + " This run cost $0.010000 over 10 cases; the allowed variance is ±10.0% of a baseline's cost.");
        assertThat(VerdictFormat.threshold(v)).isEqualTo("≤ 10.0%");
    }

    @Test
    void aBaselineThatCostNothingAllowsNoCost() {
        GateVerdict free = one(GateSpecs.cost(0.10), costing("run", 0, 5), costing("base", 0, 5));
        GateVerdict paid = one(GateSpecs.cost(0.10), costing("run", 0.001, 5), costing("base", 0, 5));

        assertThat(free.passed()).isTrue();
        assertThat(paid.passed()).isFalse();
        assertThat(paid.detail()).contains("rose from nothing");
    }

    @Test
    void everyGateOfTheReportIsEvaluatedInOrderAndTheReportFailsIfOneDoes() {
        StoredRun run = Fixtures.run("run", twentyCases());

        GateReport report = evaluator.evaluate(List.of(GateSpecs.latency(800), GateSpecs.tokens(100)), run, null);

        assertThat(report.runId()).isEqualTo("run");
        assertThat(report.baselineRunId()).isNull();
        assertThat(report.verdicts()).extracting(GateVerdict::id).containsExactly("latency", "tokens");
        assertThat(report.passed()).isFalse();
    }
}
