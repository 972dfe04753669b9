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
 * dataset happens to hold. When some cases' tokens are estimates (no usage from the provider) the detail says
 * how many.
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
        // With --repeat K every case ran K times: the budget is per pass over the cases, so it means the same
        // whatever K a run used, and a baseline run with another K compares fairly.
        int passes = passes(in.run());
        double[] tokens = tokens(records);
        double total = Arrays.stream(tokens).sum() / passes;
        List<? extends ScoredCase> base = in.baselineRecords(spec.suite());
        Double baseTotal = base.isEmpty() ? null : Arrays.stream(tokens(base)).sum() / passes(in.baseline());
        Interval interval = in.bootstrap().percentile(tokens, sample -> Arrays.stream(sample).sum() / passes, GateInputs.LEVEL);
        boolean passed = total <= spec.max() + GateInputs.EPSILON;
        String detail = passes == 1
                ? String.format(Locale.ROOT, "%d cases used %.0f tokens (in plus out); the budget is %.0f.",
                        records.size(), total, spec.max())
                : String.format(Locale.ROOT, "%d samples (%d passes) used %.0f tokens per pass (in plus out); the budget is %.0f per pass.",
                        records.size(), passes, total, spec.max());
        detail += TokenEstimates.note(records, base);
        return Verdicts.of(spec, spec.suite(), passed, total, spec.max(), "<=", baseTotal, interval, null, null, detail);
    }

    private static int passes(dev.evalbench.core.record.RunCases run) {
        var config = run.header().config();
        return config == null ? 1 : Math.max(1, config.repeat());
    }

    private static double[] tokens(List<? extends ScoredCase> records) {
        return records.stream().mapToDouble(r -> (double) r.tokensIn() + r.tokensOut()).toArray();
    }
}
