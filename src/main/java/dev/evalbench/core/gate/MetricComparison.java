package dev.evalbench.core.gate;

import dev.evalbench.core.record.CaseAlignment;
import dev.evalbench.core.record.CasePair;
import dev.evalbench.core.eval.MetricName;
import dev.evalbench.core.eval.MetricResolver;
import dev.evalbench.core.gate.stats.Bootstrap;
import dev.evalbench.core.gate.stats.Bootstrap.PairedDifference;
import dev.evalbench.core.gate.stats.Interval;
import dev.evalbench.core.gate.stats.McNemar;
import dev.evalbench.core.record.ScoredCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The paired test of a metric between a run and its baseline, over the cases both hold
 * ({@link CaseAlignment#matched}). Accuracy metrics: exact McNemar on the discordant cases for the p-value,
 * and a paired bootstrap of the accuracy difference for the interval. Other metrics (macro F1, per-label
 * scores): a paired bootstrap of the metric difference for both. {@code difference} and the interval are
 * run − baseline on the matched cases; everything is null/NaN when no case matches.
 */
record MetricComparison(int matched, double difference, Interval interval, Double pValue, String test) {

    boolean paired() {
        return matched > 0;
    }

    static MetricComparison of(MetricResolver resolver, String metric, List<? extends ScoredCase> baseline, List<? extends ScoredCase> run,
            Bootstrap bootstrap) {
        List<CasePair<ScoredCase>> pairs = CaseAlignment.<ScoredCase>matched(baseline, run);
        int n = pairs.size();
        if (n == 0) {
            return new MetricComparison(0, Double.NaN, null, null, "none");
        }
        Optional<Predicate<ScoredCase>> correctness = resolver.correctness(metric);
        if (correctness.isPresent()) {
            Predicate<ScoredCase> correct = correctness.get();
            boolean[] before = new boolean[n];
            boolean[] after = new boolean[n];
            int wentWrong = 0;
            int wentRight = 0;
            for (int i = 0; i < n; i++) {
                before[i] = correct.test(pairs.get(i).before());
                after[i] = correct.test(pairs.get(i).after());
                wentWrong += before[i] && !after[i] ? 1 : 0;
                wentRight += !before[i] && after[i] ? 1 : 0;
            }
            PairedDifference d = bootstrap.pairedProportion(before, after, GateInputs.LEVEL);
            return new MetricComparison(n, d.observed(), d.interval(), McNemar.exactPValue(wentWrong, wentRight),
                    "McNemar, " + wentWrong + " right→wrong, " + wentRight + " wrong→right");
        }
        MetricName name = MetricName.parse(metric);
        List<? extends ScoredCase> before = pairs.stream().map(CasePair::before).toList();
        List<? extends ScoredCase> after = pairs.stream().map(CasePair::after).toList();
        PairedDifference d = bootstrap.paired(n, idx -> resolver.resampleValue(name, pick(after, idx))
                - resolver.resampleValue(name, pick(before, idx)), GateInputs.LEVEL);
        return new MetricComparison(n, d.observed(), d.interval(), d.pValue(), "paired bootstrap");
    }

    static List<ScoredCase> pick(List<? extends ScoredCase> records, int[] indices) {
        List<ScoredCase> picked = new ArrayList<>(indices.length);
        for (int i : indices) {
            picked.add(records.get(i));
        }
        return picked;
    }
}
