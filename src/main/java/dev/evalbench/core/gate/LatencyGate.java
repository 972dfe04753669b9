package dev.evalbench.core.gate;

import dev.evalbench.core.gate.stats.Interval;
import dev.evalbench.core.gate.stats.Percentiles;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.text.Counted;
import dev.evalbench.core.text.Millis;
import dev.evalbench.core.workspace.GateSpec;
import java.util.List;

/**
 * p95_latency: the nearest-rank p95 of case latencies, at most {@code max_ms}, with a percentile-bootstrap
 * 95% interval. A provider failure keeps its latency (a timeout really made the user wait) and is left out
 * only when it has none ({@code latency_ms <= 0}: the call never went out, such as a missing key).
 */
final class LatencyGate {
    private LatencyGate() {}

    static GateVerdict evaluate(GateSpec spec, GateInputs in) {
        if (spec.maxMs() == null) {
            return Verdicts.cannotMeasure(spec, "<=", null, "The p95_latency gate needs max_ms.");
        }
        double[] latencies = latencies(in.runRecords(spec.suite()));
        if (latencies.length == 0) {
            return Verdicts.cannotMeasure(spec, "<=", spec.maxMs(), null, "No case of this run has a latency to measure.");
        }
        double p95 = Percentiles.p95(latencies);
        double[] base = latencies(in.baselineRecords(spec.suite()));
        Double baseP95 = base.length == 0 ? null : Percentiles.p95(base);
        Interval interval = in.bootstrap().percentileOfRank(latencies, 0.95, GateInputs.LEVEL);
        boolean passed = p95 <= spec.maxMs() + GateInputs.EPSILON;
        String detail = "The p95 latency is " + Millis.of(p95) + " over " + Counted.cases(latencies.length)
                + "; the budget is " + Millis.of(spec.maxMs()) + ".";
        return Verdicts.of(spec, spec.suite(), passed, p95, spec.maxMs(), "<=", baseP95, interval, null, null, detail);
    }

    static double[] latencies(List<? extends ScoredCase> records) {
        return records.stream()
                .filter(r -> r.failureKind() == null || r.latencyMs() > 0)
                .mapToDouble(ScoredCase::latencyMs)
                .toArray();
    }
}
