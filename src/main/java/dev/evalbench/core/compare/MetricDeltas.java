package dev.evalbench.core.compare;

import dev.evalbench.core.record.CaseAlignment;
import dev.evalbench.core.record.CasePair;
import dev.evalbench.core.gate.stats.Bootstrap;
import dev.evalbench.core.gate.stats.Interval;
import dev.evalbench.core.gate.stats.McNemar;
import dev.evalbench.core.gate.stats.Percentiles;
import dev.evalbench.core.gate.stats.Wilson;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.record.RunCases;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The metric deltas of a comparison, counted as the gates count them (a provider failure is a failed case and
 * not a schema-valid output; it keeps its latency unless it has none). Each run's value is over all its cases;
 * the paired statistics are over the cases both runs have ({@link CaseAlignment#matched}): the exact McNemar
 * test for rates, the seeded paired bootstrap ({@link Bootstrap#standard()}) for the interval of every delta
 * and the p-value of the others, each by the bootstrap's resampling for its kind of statistic (proportions,
 * means, percentiles) on the pairs' values in arrays. Deterministic and pure.
 */
final class MetricDeltas {
    private static final double LEVEL = 0.95;
    private static final Bootstrap BOOTSTRAP = Bootstrap.standard();

    private MetricDeltas() {}

    static List<MetricDelta> between(RunCases before, RunCases after) {
        List<CasePair<ScoredCase>> pairs = CaseAlignment.<ScoredCase>matched(before.cases(), after.cases());
        List<MetricDelta> deltas = new ArrayList<>();
        deltas.add(rate("pass_rate", "cases passed", before.cases(), after.cases(), pairs, ScoredCase::passed));
        for (String suite : suites(before, after)) {
            Predicate<ScoredCase> inSuite = r -> r.key().suite().equals(suite);
            deltas.add(rate("pass_rate." + suite, "passed, suite " + suite, filter(before.cases(), inSuite),
                    filter(after.cases(), inSuite), pairs.stream().filter(p -> inSuite.test(p.before())).toList(),
                    ScoredCase::passed));
        }
        deltas.add(rate("schema_valid_rate", "schema-valid outputs", before.cases(), after.cases(), pairs,
                r -> r.failureKind() == null && r.schemaValid()));
        deltas.add(p95Latency(before.cases(), after.cases(), pairs));
        deltas.add(mean("tokens_per_case", "tokens per case", "tokens", before.cases(), after.cases(), pairs,
                r -> r.tokensIn() + r.tokensOut()));
        deltas.add(mean("cost_per_case_usd", "cost per case", "usd", before.cases(), after.cases(), pairs, ScoredCase::costUsd));
        return deltas;
    }

    private static MetricDelta rate(String id, String label, List<ScoredCase> before, List<ScoredCase> after,
                                    List<CasePair<ScoredCase>> pairs, Predicate<ScoredCase> success) {
        int k0 = count(before, success);
        int k1 = count(after, success);
        Interval ci0 = Wilson.interval95(k0, before.size());
        Interval ci1 = Wilson.interval95(k1, after.size());
        boolean[] was = new boolean[pairs.size()];
        boolean[] is = new boolean[pairs.size()];
        int toFail = 0;
        int toPass = 0;
        for (int i = 0; i < pairs.size(); i++) {
            was[i] = success.test(pairs.get(i).before());
            is[i] = success.test(pairs.get(i).after());
            if (was[i] && !is[i]) toFail++;
            if (!was[i] && is[i]) toPass++;
        }
        Interval delta = pairs.isEmpty() ? null : BOOTSTRAP.pairedProportion(was, is, LEVEL).interval();
        return new MetricDelta(id, label, "rate", ratio(k0, before.size()), ratio(k1, after.size()),
                before.isEmpty() ? null : ci0.low(), before.isEmpty() ? null : ci0.high(),
                after.isEmpty() ? null : ci1.low(), after.isEmpty() ? null : ci1.high(),
                delta == null ? null : delta.low(), delta == null ? null : delta.high(),
                pairs.isEmpty() ? null : McNemar.exactPValue(toFail, toPass), pairs.isEmpty() ? null : "mcnemar-exact",
                pairs.size());
    }

    private static MetricDelta p95Latency(List<ScoredCase> before, List<ScoredCase> after, List<CasePair<ScoredCase>> pairs) {
        List<CasePair<ScoredCase>> timed = pairs.stream().filter(p -> timed(p.before()) && timed(p.after())).toList();
        Bootstrap.PairedDifference d = timed.isEmpty() ? null : BOOTSTRAP.pairedPercentile(
                values(timed, CasePair::before, ScoredCase::latencyMs), values(timed, CasePair::after, ScoredCase::latencyMs),
                0.95, LEVEL);
        return new MetricDelta("p95_latency_ms", "p95 latency", "ms",
                p95(filter(before, MetricDeltas::timed)), p95(filter(after, MetricDeltas::timed)),
                null, null, null, null, d == null ? null : d.interval().low(), d == null ? null : d.interval().high(),
                d == null ? null : d.pValue(), d == null ? null : "paired-bootstrap", timed.size());
    }

    private static MetricDelta mean(String id, String label, String unit, List<ScoredCase> before, List<ScoredCase> after,
                                    List<CasePair<ScoredCase>> pairs, ToDoubleFunction<ScoredCase> value) {
        Bootstrap.PairedDifference d = pairs.isEmpty() ? null : BOOTSTRAP.pairedMean(
                values(pairs, CasePair::before, value), values(pairs, CasePair::after, value), LEVEL);
        return new MetricDelta(id, label, unit, mean(values(before, value)), mean(values(after, value)),
                null, null, null, null, d == null ? null : d.interval().low(), d == null ? null : d.interval().high(),
                d == null ? null : d.pValue(), d == null ? null : "paired-bootstrap", pairs.size());
    }

    /** One side's value of each pair, in pair order. */
    private static double[] values(List<CasePair<ScoredCase>> pairs, Function<CasePair<ScoredCase>, ScoredCase> side,
                                   ToDoubleFunction<ScoredCase> value) {
        double[] out = new double[pairs.size()];
        for (int i = 0; i < out.length; i++) out[i] = value.applyAsDouble(side.apply(pairs.get(i)));
        return out;
    }

    private static int count(List<ScoredCase> cases, Predicate<ScoredCase> success) {
        int k = 0;
        for (ScoredCase c : cases) if (success.test(c)) k++;
        return k;
    }

    private static boolean timed(ScoredCase r) {
        return r.failureKind() == null || r.latencyMs() > 0;
    }

    private static Set<String> suites(RunCases before, RunCases after) {
        Set<String> suites = new LinkedHashSet<>();
        before.cases().forEach(r -> suites.add(r.key().suite()));
        after.cases().forEach(r -> suites.add(r.key().suite()));
        return suites;
    }

    private static List<ScoredCase> filter(List<ScoredCase> records, Predicate<ScoredCase> keep) {
        return records.stream().filter(keep).toList();
    }

    private static double[] values(List<ScoredCase> records, ToDoubleFunction<ScoredCase> value) {
        return records.stream().mapToDouble(value).toArray();
    }

    private static double p95(List<ScoredCase> records) {
        return records.isEmpty() ? Double.NaN : Percentiles.p95(values(records, ScoredCase::latencyMs));
    }

    private static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double ratio(int k, int n) {
        return n == 0 ? Double.NaN : (double) k / n;
    }
}
