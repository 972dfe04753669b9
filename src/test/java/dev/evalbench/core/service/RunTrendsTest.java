package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.compare.RecordEdits;
import dev.evalbench.core.run.CaseRecords;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart series, on hand-made cases whose numbers are worked out by hand in each test. */
class RunTrendsTest {
    private static CaseSummary answered(String id, long latencyMs) {
        return CaseSummary.of(CaseRecords.sample("r1", "triage", id, true, latencyMs));
    }

    private static CaseSummary timedOut(String id, long latencyMs) {
        return CaseSummary.of(CaseRecords.builder("r1", "triage", id).failure(FailureKind.TIMEOUT).latencyMs(latencyMs).build());
    }

    @Test
    void aPointHasEachPassRateGateTheP95OfCountedLatenciesTheTokensAndTheCost() {
        // Tokens of a sample case: 380 + id length in (384 for "t001"), 52 out when answered, 0 when not.
        List<CaseSummary> cases = List.of(answered("t001", 100), answered("t002", 200), answered("t003", 300), timedOut("t004", 0));
        GateReport gates = new GateReport("r1", null, List.of(
                new GateVerdict("schema", "schema_pass_rate", null, false, 0.75, 0.99, ">=", null, null, null, null, null, "d"),
                new GateVerdict("accuracy", "metric", "triage", true, 0.5, 0.4, ">=", null, null, null, null, null, "d"),
                new GateVerdict("leaks", "metric", "triage", true, 0.0, 0.0, "<=", null, null, null, null, null, "d"),
                new GateVerdict("latency", "p95_latency", null, true, 300, 2000, "<=", null, null, null, null, null, "d"),
                new GateVerdict("safety", "safety_pass_rate", "safety", true, 0, 1, ">=", null, null, null, null, null, "d", false)));
        RunHeader header = RecordEdits.completeHeader("r1", Instant.parse("2026-11-29T10:00:00Z"), Map.of(), 4);

        RunTrends.Point p = RunTrends.point(header, cases, gates);

        assertThat(p.gateRates())
                .containsExactly(Map.entry("schema", 0.75), Map.entry("accuracy", 0.5), Map.entry("leaks", 0.0));
        assertThat(p.lowerPasses()).as("a leak rate passes at or below its threshold").containsExactly("leaks");
        // The timeout took no time, so it is not counted: p95 of {100, 200, 300} by nearest rank is the 3rd.
        assertThat(p.p95LatencyMs()).isEqualTo(300.0);
        assertThat(p.tokens()).isEqualTo(3 * (384 + 52) + 384);
        // 4 × 384 in at $0.15/Mtok, 3 × 52 out at $0.60/Mtok.
        assertThat(p.costUsd()).isCloseTo(1536 * 0.15e-6 + 156 * 0.60e-6, within(1e-12));
        assertThat(p.costUsd()).isCloseTo(324e-6, within(1e-12));
        assertThat(p.cases()).isEqualTo(4);
        assertThat(RunTrends.point(header, cases, null).gateRates()).isEmpty();
    }

    @Test
    void theDistributionBinsRunAndBaselineAlikeWithARoundWidth() {
        List<CaseSummary> run = List.of(answered("t001", 100), answered("t002", 120), answered("t003", 300), timedOut("t004", 0));
        List<CaseSummary> base = List.of(answered("t001", 50), timedOut("t002", 950));

        LatencyDistribution d = LatencyDistribution.of(run, base);

        // From 50 to 950 ms: 900 / 20 bins = 45 ms, rounded up to 50 ms; the bins of 50 ms up to the one holding 950 ms,
        // 19 of them (not from 0 ms, which left a bin of nothing).
        assertThat(d.binWidthMs()).isEqualTo(50);
        assertThat(d.bins()).hasSize(19);
        assertThat(d.runCases()).isEqualTo(3);
        assertThat(d.baseCases()).isEqualTo(2);
        assertThat(d.bins().get(1)).isEqualTo(new LatencyDistribution.Bin(100, 150, 2, 0));
        assertThat(d.bins().get(5)).isEqualTo(new LatencyDistribution.Bin(300, 350, 1, 0));
        assertThat(d.bins().get(0)).isEqualTo(new LatencyDistribution.Bin(50, 100, 0, 1));
        assertThat(d.bins().get(18)).isEqualTo(new LatencyDistribution.Bin(950, 1000, 0, 1));
        assertThat(d.bins().stream().mapToInt(LatencyDistribution.Bin::run).sum()).isEqualTo(3);
        assertThat(d.bins().get(1).label()).isEqualTo("100–150");
        // 3 cases beside 2: drawn as shares of each run's cases, each run's bars summing to 100%.
        assertThat(d.asShares()).isTrue();
        assertThat(d.runHeight(d.bins().get(1))).isCloseTo(200.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(d.baselineHeight(d.bins().get(0))).isEqualTo(50.0);
        assertThat(d.bins().stream().mapToDouble(d::runHeight).sum()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(d.bins().stream().mapToDouble(d::baselineHeight).sum()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void runsOfOneSizeAreDrawnAsCounts() {
        LatencyDistribution d = LatencyDistribution.of(List.of(answered("t001", 100), answered("t002", 120)),
                List.of(answered("t001", 90), answered("t002", 300)));

        assertThat(d.asShares()).isFalse();
        assertThat(d.bins().stream().mapToDouble(d::runHeight).sum()).isEqualTo(2.0);
        assertThat(LatencyDistribution.of(List.of(answered("t001", 7)), null).asShares()).as("no baseline").isFalse();
    }

    @Test
    void withoutABaselineOnlyTheRunIsCounted() {
        LatencyDistribution d = LatencyDistribution.of(List.of(answered("t001", 7)), null);

        // One latency spans no range: one bin of 1 ms, the one holding it.
        assertThat(d.binWidthMs()).isEqualTo(1);
        assertThat(d.bins()).containsExactly(new LatencyDistribution.Bin(7, 8, 1, 0));
        assertThat(d.baseCases()).isZero();
    }
}
