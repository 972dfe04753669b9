package dev.evalbench.core.canary;

import dev.evalbench.core.gate.stats.Interval;
import dev.evalbench.core.gate.stats.PValueText;
import dev.evalbench.core.gate.stats.Percentiles;
import dev.evalbench.core.record.ScoredCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Judges a canary against its control from two traffic runs' stored cases: each {@link CanaryMetric} by a
 * two-sample test with an effect-size floor (Fisher's exact test for the schema pass rate and the error rate,
 * per-action exact tests with a Bonferroni correction for the decision distribution, Mann-Whitney for latency,
 * tokens and cost), then a verdict ({@link CanaryVerdicts}). Reads summaries only; stateless and thread-safe.
 */
public final class CanaryJudge {
    private final CanaryOptions options;

    public CanaryJudge(CanaryOptions options) {
        this.options = options;
    }

    public CanaryResult judge(String controlId, List<? extends ScoredCase> control, String canaryId, List<? extends ScoredCase> canary) {
        List<MetricJudgement> metrics = new ArrayList<>();
        metrics.add(proportion(CanaryMetric.SCHEMA_PASS_RATE, control, canary, c -> c.failureKind() == null && c.schemaValid()));
        metrics.add(proportion(CanaryMetric.ERROR_RATE, control, canary, c -> c.failureKind() != null));
        metrics.add(DecisionShift.judge(control, canary, options.alpha()));
        metrics.add(continuous(CanaryMetric.P95_LATENCY, values(control, c -> true, ScoredCase::latencyMs),
                values(canary, c -> true, ScoredCase::latencyMs), Percentiles::p95));
        metrics.add(continuous(CanaryMetric.TOKENS, values(control, CanaryJudge::answered, c -> c.tokensIn() + c.tokensOut()),
                values(canary, CanaryJudge::answered, c -> c.tokensIn() + c.tokensOut()), CanaryJudge::mean));
        metrics.add(continuous(CanaryMetric.COST, values(control, CanaryJudge::answered, ScoredCase::costUsd),
                values(canary, CanaryJudge::answered, ScoredCase::costUsd), CanaryJudge::mean));
        return CanaryVerdicts.decide(controlId, canaryId, control.size(), canary.size(), options, metrics);
    }

    private static boolean answered(ScoredCase c) {
        return c.failureKind() == null;
    }

    private MetricJudgement proportion(CanaryMetric m, List<? extends ScoredCase> control, List<? extends ScoredCase> canary,
                                       java.util.function.Predicate<ScoredCase> counted) {
        int n1 = control.size();
        int n2 = canary.size();
        if (n1 == 0 || n2 == 0) return MetricJudgement.noData(m, n1, n2, "a run has no requests");
        int a = (int) control.stream().filter(counted).count();
        int b = (int) canary.stream().filter(counted).count();
        double p1 = (double) a / n1;
        double p2 = (double) b / n2;
        double d = p2 - p1;
        double p = TwoSampleTests.fisherExact(a, n1, b, n2);
        Interval ci = TwoSampleTests.differenceInterval(a, n1, b, n2);
        MetricStatus status = status(d, p, m.floor());
        String detail = String.format(Locale.ROOT, "%s %.2f%% -> %.2f%% (%+.2f points, 95%% interval %+.2f to %+.2f; %d/%d vs %d/%d; Fisher exact %s)",
                m.label(), 100 * p1, 100 * p2, 100 * d, 100 * ci.low(), 100 * ci.high(), a, n1, b, n2, PValueText.compact(p));
        return new MetricJudgement(m, status, bad(m, status), p1, p2, d, ci.low(), ci.high(), "fisher_exact", p, m.floor(), n1, n2, detail);
    }

    private MetricJudgement continuous(CanaryMetric m, double[] control, double[] canary, ToDoubleFunction<double[]> statistic) {
        if (control.length == 0 || canary.length == 0) return MetricJudgement.noData(m, control.length, canary.length, "a run has no answered request");
        double v1 = statistic.applyAsDouble(control);
        double v2 = statistic.applyAsDouble(canary);
        if (v1 == 0 && v2 == 0) {
            return new MetricJudgement(m, MetricStatus.PASS, false, v1, v2, 0.0, 0.0, 0.0, "mann_whitney", 1.0, m.floor(),
                    control.length, canary.length, m.label() + " is 0 in both runs");
        }
        if (v1 == 0) return MetricJudgement.noData(m, control.length, canary.length, m.label() + " is 0 in the control: no relative change");
        double effect = v2 / v1 - 1;
        double p = TwoSampleTests.mannWhitney(control, canary);
        Interval ci = TwoSampleBootstrap.interval95(control, canary, (a, b) -> {
            double base = statistic.applyAsDouble(a);
            return base == 0 ? 0 : statistic.applyAsDouble(b) / base - 1;
        });
        double r = TwoSampleTests.rankBiserial(control, canary);
        MetricStatus status = status(effect, p, m.floor());
        // The unit once, after both values ("722 -> 1,010 ms"); a cost's sign before each ("$0.000172 -> $0.000200").
        String values = (m.unit().equals("USD") ? m.figure(v1) : number(v1)) + " -> " + m.figure(v2);
        String detail = String.format(Locale.ROOT, "%s %s (%+.1f%%, 95%% interval %+.1f%% to %+.1f%%; Mann-Whitney %s, rank-biserial %+.2f; n=%,d vs %,d)",
                m.label(), values, 100 * effect, 100 * ci.low(), 100 * ci.high(), PValueText.compact(p), r,
                control.length, canary.length);
        return new MetricJudgement(m, status, bad(m, status), v1, v2, effect, ci.low(), ci.high(), "mann_whitney", p, m.floor(),
                control.length, canary.length, detail);
    }

    private MetricStatus status(double effect, double p, double floor) {
        if (p >= options.alpha() || Math.abs(effect) < floor) return MetricStatus.PASS;
        return effect > 0 ? MetricStatus.HIGH : MetricStatus.LOW;
    }

    static boolean bad(CanaryMetric m, MetricStatus s) {
        return switch (m.bad()) {
            case HIGH -> s == MetricStatus.HIGH;
            case LOW -> s == MetricStatus.LOW;
            case EITHER -> s == MetricStatus.HIGH || s == MetricStatus.LOW;
        };
    }

    private static double[] values(List<? extends ScoredCase> cases, java.util.function.Predicate<ScoredCase> keep, ToDoubleFunction<ScoredCase> value) {
        return cases.stream().filter(keep).mapToDouble(value).toArray();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        return values.length == 0 ? 0 : sum / values.length;
    }

    /**
     * A latency, token count or cost as the canary's sentences write it (the window's verdict table too): from 100 up
     * a whole number in groups of three ("1,010", as the gate table writes "2,000 ms"), below six significant digits
     * ("4.57"). A cost is written by {@link #usd}.
     */
    public static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.6g", v);
    }

    /** A cost as the gate table and the report write one: dollars to six decimals ("$0.000172"). */
    public static String usd(double v) {
        return String.format(Locale.ROOT, "$%.6f", v);
    }
}
