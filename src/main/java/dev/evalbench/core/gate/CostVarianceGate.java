package dev.evalbench.core.gate;

import dev.evalbench.core.record.CaseAlignment;
import dev.evalbench.core.record.CasePair;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.gate.stats.Bootstrap.PairedDifference;
import dev.evalbench.core.text.Counted;
import dev.evalbench.core.workspace.GateSpec;
import java.util.List;
import java.util.Locale;

/**
 * cost_variance: the total cost must stay within ±{@code max_increase} of the baseline's, compared over the
 * cases both runs hold (added or removed cases would otherwise move the cost by themselves). The value is
 * the absolute relative change |run − baseline| / baseline, so "value <= threshold" reads literally; the
 * detail says whether cost rose or fell. The interval is a paired bootstrap of that absolute relative change.
 * Without a baseline the gate fails: it has nothing to compare with (see {@link GateEvaluator}). A baseline
 * that cost nothing allows no cost at all. Costs of cases whose tokens are estimates (no usage from the
 * provider) are estimates too, and the detail says how many there are.
 */
final class CostVarianceGate {
    private CostVarianceGate() {}

    static GateVerdict evaluate(GateSpec spec, GateInputs in) {
        if (spec.maxIncrease() == null) {
            return Verdicts.cannotMeasure(spec, "<=", null, "The cost_variance gate needs max_increase.");
        }
        // Without a baseline the gate still has its allowed variance, and the run its cost: both said, so the
        // reader sees what the first baseline will be held to (the table read "—" for both).
        if (in.baseline() == null) {
            List<? extends ScoredCase> run = in.runRecords(spec.suite());
            String cost = String.format(Locale.ROOT, " This run cost $%.6f over %s; the allowed variance is ±%s of a baseline's cost.",
                    run.stream().mapToDouble(ScoredCase::costUsd).sum(), Counted.cases(run.size()), Verdicts.percent(spec.maxIncrease()));
            return Verdicts.cannotMeasure(spec, "<=", spec.maxIncrease(), null, GateEvaluator.NEEDS_BASELINE + cost);
        }
        List<CasePair<ScoredCase>> pairs = CaseAlignment.<ScoredCase>matched(in.baselineRecords(spec.suite()), in.runRecords(spec.suite()));
        if (pairs.isEmpty()) {
            return Verdicts.cannotMeasure(spec, "<=", spec.maxIncrease(), null, "No case of this run matches a case of the baseline.");
        }
        double[] before = pairs.stream().mapToDouble(p -> p.before().costUsd()).toArray();
        double[] after = pairs.stream().mapToDouble(p -> p.after().costUsd()).toArray();
        PairedDifference resampled = in.bootstrap().pairedSums(before, after,
                (base, run) -> Math.abs(relativeChange(base, run)), GateInputs.LEVEL);
        double baseTotal = sum(before, null);
        double runTotal = sum(after, null);
        double relative = relativeChange(baseTotal, runTotal);
        boolean passed = Math.abs(relative) <= spec.maxIncrease() + GateInputs.EPSILON;
        String change = relative == 0 ? "did not change"
                : Double.isInfinite(relative) ? "rose from nothing"
                : (relative > 0 ? "rose " : "fell ") + Verdicts.percent(Math.abs(relative));
        String detail = String.format(Locale.ROOT,
                "Cost %s against the baseline ($%.6f vs $%.6f over %s); the allowed variance is ±%s.",
                change, runTotal, baseTotal, Counted.of(pairs.size(), "matched case"),
                Verdicts.percent(spec.maxIncrease()))
                + TokenEstimates.note(pairs.stream().map(CasePair::after).toList(),
                        pairs.stream().map(CasePair::before).toList());
        // The baseline against itself varies by 0: shown so the baseline column says a baseline was used.
        return Verdicts.of(spec, spec.suite(), passed, Math.abs(relative), spec.maxIncrease(), "<=", 0.0,
                resampled.interval(), null, null, detail);
    }

    /** (run − baseline) / baseline; 0 when both are 0, +infinity when only the baseline is 0. */
    static double relativeChange(double baseline, double run) {
        if (baseline == 0) {
            return run == 0 ? 0.0 : Double.POSITIVE_INFINITY;
        }
        return (run - baseline) / baseline;
    }

    private static double sum(double[] values, int[] indices) {
        double total = 0;
        if (indices == null) {
            for (double v : values) {
                total += v;
            }
        } else {
            for (int i : indices) {
                total += values[i];
            }
        }
        return total;
    }
}
