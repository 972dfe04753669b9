package dev.evalbench.core.gate;

import dev.evalbench.core.eval.MetricName;
import dev.evalbench.core.eval.MetricResolver;
import dev.evalbench.core.eval.MetricUnavailableException;
import dev.evalbench.core.gate.stats.Interval;
import dev.evalbench.core.gate.stats.Wilson;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.text.Counted;
import dev.evalbench.core.workspace.GateSpec;
import dev.evalbench.core.workspace.SuiteKind;
import dev.evalbench.core.workspace.SuiteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * metric: a task metric held to {@code min} and/or to {@code baseline − baseline_tolerance}.
 * <ul>
 *   <li>{@code min} is always decided by the point estimate.</li>
 *   <li>The baseline bound: mode {@code strict} (default) fails whenever the value is below it; mode
 *       {@code significant} fails only when it is below it <em>and</em> the paired test says the drop is
 *       significant at {@code alpha} (default 0.05). Without matched cases there is no paired test and
 *       {@code significant} falls back to the point estimate.</li>
 *   <li>When the baseline has the metric, both modes fill the baseline value, the p-value and the interval,
 *       and the interval is then of the paired difference run − baseline (see {@link MetricComparison});
 *       otherwise the interval is of the value (Wilson for accuracies, percentile bootstrap otherwise).</li>
 *   <li>A baseline bound without a baseline fails with {@link GateEvaluator#NEEDS_BASELINE}, unless
 *       {@code min} is also given, in which case only {@code min} decides and the detail says so.</li>
 * </ul>
 * The threshold reported is the stricter of the bounds that applied.
 */
final class MetricGate {
    static final double DEFAULT_ALPHA = 0.05;

    private MetricGate() {}

    static GateVerdict evaluate(GateSpec spec, GateInputs in) {
        MetricName ceiling = lowerIsBetter(spec.metric());
        if (ceiling != null) {
            SuiteSpec any = spec.suite() == null ? null : in.suite(spec.suite()).orElse(null);
            return any == null ? Verdicts.cannotMeasure(spec, "<=", "strict", "The gate must name a suite of the workspace.")
                    : MetricCeilingGate.evaluate(spec, in, any, ceiling);
        }
        String mode = spec.mode() == null ? "strict" : spec.mode();
        if (!mode.equals("strict") && !mode.equals("significant")) {
            return Verdicts.cannotMeasure(spec, ">=", mode, "The mode must be strict or significant, not " + mode + ".");
        }
        if (spec.min() == null && spec.baselineTolerance() == null) {
            return Verdicts.cannotMeasure(spec, ">=", mode, "A metric gate needs min, baseline_tolerance or both.");
        }
        SuiteSpec suite;
        MetricName name;
        try {
            suite = taskSuite(spec, in);
            name = MetricName.parse(spec.metric());
        } catch (IllegalArgumentException e) {
            return Verdicts.cannotMeasure(spec, ">=", mode, e.getMessage());
        }
        MetricResolver resolver = new MetricResolver(suite);
        List<? extends ScoredCase> records = in.runRecords(suite.name());
        double value;
        try {
            value = resolver.value(spec.metric(), records);
        } catch (MetricUnavailableException e) {
            return Verdicts.cannotMeasure(spec, ">=", mode, e.getMessage());
        }
        Double baseValue = null;
        String baselineProblem = GateEvaluator.NEEDS_BASELINE;
        String noBaseline = "no baseline was given";
        if (in.baseline() != null) {
            try {
                baseValue = resolver.value(spec.metric(), in.baselineRecords(suite.name()));
            } catch (MetricUnavailableException e) {
                baselineProblem = "The baseline has no value for it: " + e.getMessage();
                noBaseline = "the baseline has no value for it (" + lowerFirst(e.getMessage()) + ")";
            }
        }
        MetricComparison comparison = baseValue == null ? null
                : MetricComparison.of(resolver, spec.metric(), in.baselineRecords(suite.name()), records, in.bootstrap());
        Interval interval = comparison != null && comparison.paired() ? comparison.interval()
                : valueInterval(resolver, name, records, in);
        Double p = comparison == null ? null : comparison.pValue();
        double alpha = spec.alpha() == null ? DEFAULT_ALPHA : spec.alpha();

        List<String> sentences = new ArrayList<>();
        sentences.add(String.format(Locale.ROOT, "%s is %s over %s of suite %s",
                name.text(), Verdicts.number(value), Counted.cases(records.size()), suite.name()));
        boolean passed = true;
        double threshold = Double.NaN;
        if (spec.min() != null) {
            threshold = spec.min();
            passed = value >= spec.min() - GateInputs.EPSILON;
            sentences.add("the gate needs at least " + Verdicts.number(spec.min()) + (passed ? ", which it holds" : ", which it misses"));
        }
        if (spec.baselineTolerance() != null && baseValue == null) {
            if (spec.min() == null) {
                return Verdicts.of(spec, suite.name(), false, value, Double.NaN, ">=", null, interval, null, mode,
                        String.join("; ", sentences) + ". " + baselineProblem);
            }
            sentences.add(noBaseline + ", so only min was checked");
        }
        if (baseValue != null) {
            sentences.add("the baseline has " + Verdicts.number(baseValue));
            if (comparison.paired()) {
                sentences.add(String.format(Locale.ROOT, "change %+.3f over %s (%s, %s)",
                        comparison.difference(), Counted.of(comparison.matched(), "matched case"), comparison.test(),
                        pText(p)));
            }
        }
        if (spec.baselineTolerance() != null && baseValue != null) {
            double floor = baseValue - spec.baselineTolerance();
            threshold = spec.min() == null ? floor : Math.max(floor, spec.min());
            boolean below = value < floor - GateInputs.EPSILON;
            boolean notSignificant = mode.equals("significant") && p != null && p >= alpha;
            passed &= !below || notSignificant;
            sentences.add(baselineSentence(floor, below, mode, p, alpha));
        }
        String detail = String.join("; ", sentences) + ".";
        GateVerdict verdict = Verdicts.of(spec, suite.name(), passed, value, threshold, ">=", baseValue, interval, p, mode, detail);
        if (spec.baselineTolerance() != null && baseValue != null) {
            // The threshold alone (0.963) is not what the user wrote (min 0.95 and a tolerance): name both.
            String fromBaseline = "baseline " + Verdicts.number(baseValue) + " − " + Verdicts.number(spec.baselineTolerance());
            verdict = verdict.withBound(spec.min() == null ? fromBaseline : "min " + Verdicts.number(spec.min()) + "; " + fromBaseline);
        }
        return verdict;
    }

    /** The parsed name when it is a rate of bad outcomes (held to a maximum), else null. */
    private static MetricName lowerIsBetter(String metric) {
        try {
            MetricName name = MetricName.parse(metric);
            return name.lowerIsBetter() ? name : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String baselineSentence(double floor, boolean below, String mode, Double p, double alpha) {
        String bound = "the baseline bound is " + Verdicts.number(floor);
        if (!below) {
            return bound + " and the value holds it";
        }
        if (mode.equals("strict")) {
            return bound + " and the value is below it";
        }
        if (p == null) {
            return bound + ", the value is below it and no case matches the baseline, so no paired test could excuse it";
        }
        return bound + ", the value is below it and the drop is " + (p < alpha ? "" : "not ")
                + "significant at alpha " + alpha;
    }

    private static Interval valueInterval(MetricResolver resolver, MetricName name, List<? extends ScoredCase> records, GateInputs in) {
        if (name.isAccuracy()) {
            long correct = records.stream().filter(resolver.correctness(name.text()).orElseThrow()).count();
            return Wilson.interval95(correct, records.size());
        }
        return in.bootstrap().resampledInterval(records.size(),
                idx -> resolver.resampleValue(name, MetricComparison.pick(records, idx)), GateInputs.LEVEL);
    }

    private static SuiteSpec taskSuite(GateSpec spec, GateInputs in) {
        if (spec.suite() != null) {
            SuiteSpec suite = in.suite(spec.suite())
                    .orElseThrow(() -> new IllegalArgumentException("The workspace has no suite named " + spec.suite() + "."));
            if (suite.kind() != SuiteKind.TASK) {
                throw new IllegalArgumentException("Suite " + spec.suite() + " is not a task suite, so it has no task metrics.");
            }
            return suite;
        }
        List<SuiteSpec> tasks = in.suitesOfKind(SuiteKind.TASK);
        if (tasks.size() != 1) {
            throw new IllegalArgumentException("The gate names no suite and the workspace has " + tasks.size()
                    + " task suites; name one.");
        }
        return tasks.get(0);
    }

    private static String pText(Double p) {
        return p == null ? "p = n/a" : dev.evalbench.core.gate.stats.PValueText.spaced(p);
    }

    private static String lowerFirst(String sentence) {
        String s = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
        return dev.evalbench.core.text.Counted.uncapitalized(s);
    }
}
