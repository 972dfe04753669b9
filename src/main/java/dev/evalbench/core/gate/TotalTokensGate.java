package dev.evalbench.core.gate;

import dev.evalbench.core.gate.stats.Interval;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.workspace.GateSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * total_tokens: tokens in plus tokens out over the suite or the run, at most {@code max}. The interval is a
 * percentile bootstrap of the total over resampled cases: how much the total depends on which cases the
 * dataset happens to hold.
 */
final class TotalTokensGate {
    private TotalTokensGate() {}

    static GateVerdict evaluate(GateSpec spec, GateInputs in) {
        if (spec.max() == null) {
            return Verdicts.cannotMeasure(spec, "<=", null, "The total_tokens gate needs max.");
        }
        List<? extends ScoredCase> records = in.runRecords(spec.suite());
        if (records.isEmpty()) {
            return Verdicts.cannotMeasure(spec, "<=", null, "There are no cases in this run to count tokens of.");
        }
        double[] tokens = tokens(records);
        double total = Arrays.stream(tokens).sum();
        List<? extends ScoredCase> base = in.baselineRecords(spec.suite());
        Double baseTotal = base.isEmpty() ? null : Arrays.stream(tokens(base)).sum();
        Interval interval = in.bootstrap().percentile(tokens, sample -> Arrays.stream(sample).sum(), GateInputs.LEVEL);
        boolean passed = total <= spec.max() + GateInputs.EPSILON;
        String detail = String.format(Locale.ROOT, "%d cases used %.0f tokens (in plus out); the budget is %.0f.",
                records.size(), total, spec.max());
        return Verdicts.of(spec, spec.suite(), passed, total, spec.max(), "<=", baseTotal, interval, null, null, detail);
    }

    private static double[] tokens(List<? extends ScoredCase> records) {
        return records.stream().mapToDouble(r -> (double) r.tokensIn() + r.tokensOut()).toArray();
    }
}
