package dev.evalbench.core.gate;

import dev.evalbench.core.gate.stats.Bootstrap.PairedDifference;
import dev.evalbench.core.gate.stats.Interval;
import dev.evalbench.core.record.CaseAlignment;
import dev.evalbench.core.record.CasePair;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.text.Counted;
import dev.evalbench.core.workspace.GateSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * total_tokens: tokens in plus tokens out over the suite or the run, held to {@code max} (a fixed budget per
 * pass over the cases) and/or to {@code max_increase} (the largest rise over the baseline, relative).
 *
 * <ul>
 *   <li>{@code max} alone: the value is the total per pass; the interval a percentile bootstrap of it over
 *       resampled cases.</li>
 *   <li>{@code max_increase}: like cost_variance, compared over the cases both runs hold (added or removed cases
 *       would otherwise move the total by themselves); the value is the relative change (run − baseline) /
 *       baseline, and only a rise above {@code max_increase} fails (fewer tokens always pass). The interval is
 *       a paired bootstrap of that change. Without a baseline it fails ({@link GateEvaluator#NEEDS_BASELINE})
 *       unless {@code max} is also given, which then decides alone.</li>
 * </ul>
 * When some cases' tokens are estimates (no usage from the provider) the detail says how many.
 */
final class TotalTokensGate {
    private TotalTokensGate() {}

    static GateVerdict evaluate(GateSpec spec, GateInputs in) {
        if (spec.max() == null && spec.maxIncrease() == null) {
            return Verdicts.cannotMeasure(spec, "<=", null, "The total_tokens gate needs max, max_increase or both.");
        }
        List<? extends ScoredCase> records = in.runRecords(spec.suite());
        if (records.isEmpty()) {
            return Verdicts.cannotMeasure(spec, "<=", Verdicts.stated(spec), null,
                    "There are no cases in this run to count tokens of.");
        }
        if (spec.maxIncrease() != null && in.baseline() != null) {
            return againstBaseline(spec, in);
        }
        if (spec.max() == null) {
            return Verdicts.cannotMeasure(spec, "<=", null, GateEvaluator.NEEDS_BASELINE);
        }
        // With --repeat K every case ran K times: the budget is per pass over the cases, so it means the same
        // whatever K a run used, and a baseline run with another K compares fairly.
        int passes = passes(in.run());
        double[] tokens = tokens(records);
        double total = Arrays.stream(tokens).sum() / passes;
        List<? extends ScoredCase> base = in.baselineRecords(spec.suite());
        Double baseTotal = base.isEmpty() ? null : Arrays.stream(tokens(base)).sum() / passes(in.baseline());
        Interval sums = in.bootstrap().percentileOfSum(tokens, GateInputs.LEVEL);
        Interval interval = new Interval(sums.low() / passes, sums.high() / passes);
        boolean passed = total <= spec.max() + GateInputs.EPSILON;
        String detail = passes == 1
                ? String.format(Locale.ROOT, "%s used %,.0f tokens (in plus out); the budget is %,.0f.",
                        Counted.cases(records.size()), total, spec.max())
                : String.format(Locale.ROOT, "%,d samples (%d passes) used %,.0f tokens per pass (in plus out); "
                        + "the budget is %,.0f per pass.", records.size(), passes, total, spec.max());
        if (spec.maxIncrease() != null) detail += " No baseline was given, so max_increase was not checked.";
        detail += TokenEstimates.note(records, base);
        return Verdicts.of(spec, spec.suite(), passed, total, spec.max(), "<=", baseTotal, interval, null, null, detail);
    }

    /** max_increase over the matched cases, plus max on this run's total per pass when given. */
    private static GateVerdict againstBaseline(GateSpec spec, GateInputs in) {
        List<CasePair<ScoredCase>> pairs = CaseAlignment.<ScoredCase>matched(in.baselineRecords(spec.suite()), in.runRecords(spec.suite()));
        if (pairs.isEmpty()) {
            return Verdicts.cannotMeasure(spec, "<=", null, "No case of this run matches a case of the baseline.");
        }
        double[] before = pairs.stream().mapToDouble(p -> (double) p.before().tokensIn() + p.before().tokensOut()).toArray();
        double[] after = pairs.stream().mapToDouble(p -> (double) p.after().tokensIn() + p.after().tokensOut()).toArray();
        PairedDifference resampled = in.bootstrap().pairedSums(before, after, CostVarianceGate::relativeChange, GateInputs.LEVEL);
        double baseTotal = sum(before, null);
        double runTotal = sum(after, null);
        double change = CostVarianceGate.relativeChange(baseTotal, runTotal);
        boolean passed = change <= spec.maxIncrease() + GateInputs.EPSILON;
        String detail = String.format(Locale.ROOT,
                "Tokens %s against the baseline (%,.0f vs %,.0f over %s); the allowed rise is %s.",
                change == 0 ? "did not change" : Double.isInfinite(change) ? "rose from nothing"
                        : (change > 0 ? "rose " : "fell ") + Verdicts.percent(Math.abs(change)),
                runTotal, baseTotal, Counted.of(pairs.size(), "matched case"),
                Verdicts.percent(spec.maxIncrease()));
        double threshold = spec.maxIncrease();
        if (spec.max() != null) {
            double perPass = Arrays.stream(tokens(in.runRecords(spec.suite()))).sum() / passes(in.run());
            boolean withinBudget = perPass <= spec.max() + GateInputs.EPSILON;
            passed &= withinBudget;
            detail += String.format(Locale.ROOT, " The run used %,.0f tokens per pass; the budget is %,.0f%s.", perPass,
                    spec.max(), withinBudget ? "" : ", which it exceeds");
        }
        detail += TokenEstimates.note(pairs.stream().map(CasePair::after).toList(), pairs.stream().map(CasePair::before).toList());
        return Verdicts.of(spec, spec.suite(), passed, change, threshold, "<=", 0.0, resampled.interval(), null, null, detail);
    }

    private static int passes(dev.evalbench.core.record.RunCases run) {
        var config = run.header().config();
        return config == null ? 1 : Math.max(1, config.repeat());
    }

    private static double[] tokens(List<? extends ScoredCase> records) {
        return records.stream().mapToDouble(r -> (double) r.tokensIn() + r.tokensOut()).toArray();
    }

    private static double sum(double[] values, int[] indices) {
        double total = 0;
        if (indices == null) {
            for (double v : values) total += v;
        } else {
            for (int i : indices) total += values[i];
        }
        return total;
    }
}
