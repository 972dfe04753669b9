package dev.evalbench.core.gate;

import dev.evalbench.core.eval.MetricName;
import dev.evalbench.core.eval.MetricResolver;
import dev.evalbench.core.eval.MetricUnavailableException;
import dev.evalbench.core.gate.stats.Wilson;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.text.Counted;
import dev.evalbench.core.workspace.GateSpec;
import dev.evalbench.core.workspace.SuiteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * metric, for rates of bad outcomes ({@code policy.rejection_rate}, {@code policy.leak_rate}; see
 * {@link MetricName#lowerIsBetter}): the rate is held to {@code max} and/or to
 * {@code baseline + baseline_tolerance}, comparator "<=". These rates exist for every suite, task or safety.
 * The interval is Wilson's (each case is 0 or 1). Only mode strict applies: a rise is judged on the point
 * estimate. {@code min} makes no sense for such a rate and fails the gate, saying so; a baseline bound
 * without a baseline fails unless {@code max} is also given, as for {@link MetricGate}.
 */
final class MetricCeilingGate {
    private MetricCeilingGate() {}

    static GateVerdict evaluate(GateSpec spec, GateInputs in, SuiteSpec suite, MetricName name) {
        if (spec.min() != null) {
            return Verdicts.cannotMeasure(spec, "<=", "strict", name.text() + " counts bad outcomes: hold it to max, not min.");
        }
        if (spec.max() == null && spec.baselineTolerance() == null) {
            return Verdicts.cannotMeasure(spec, "<=", "strict", "A gate on " + name.text() + " needs max, baseline_tolerance or both.");
        }
        if ("significant".equals(spec.mode())) {
            return Verdicts.cannotMeasure(spec, "<=", spec.mode(), "mode: significant applies to metrics where higher is better; "
                    + name.text() + " takes mode strict.");
        }
        MetricResolver resolver = new MetricResolver(suite);
        List<? extends ScoredCase> records = in.runRecords(suite.name());
        double value;
        try {
            value = resolver.value(spec.metric(), records);
        } catch (MetricUnavailableException e) {
            return Verdicts.cannotMeasure(spec, "<=", "strict", e.getMessage());
        }
        Double base = null;
        if (in.baseline() != null) {
            try {
                base = resolver.value(spec.metric(), in.baselineRecords(suite.name()));
            } catch (MetricUnavailableException e) {
                base = null;
            }
        }
        long bad = Math.round(value * records.size());
        List<String> sentences = new ArrayList<>();
        sentences.add(String.format(Locale.ROOT, "%s is %s (%d of %s of suite %s)",
                name.text(), Verdicts.number(value), bad, Counted.cases(records.size()), suite.name()));
        boolean passed = true;
        double threshold = Double.NaN;
        if (spec.max() != null) {
            threshold = spec.max();
            passed = value <= spec.max() + GateInputs.EPSILON;
            sentences.add("the gate allows at most " + Verdicts.number(spec.max()) + (passed ? ", which it holds" : ", which it exceeds"));
        }
        if (spec.baselineTolerance() != null) {
            if (base == null && spec.max() == null) {
                return Verdicts.of(spec, suite.name(), false, value, Double.NaN, "<=", null,
                        Wilson.interval95(bad, records.size()), null, "strict", String.join("; ", sentences) + ". "
                                + (in.baseline() == null ? GateEvaluator.NEEDS_BASELINE : "The baseline has no value for it."));
            }
            if (base == null) {
                sentences.add("there is no baseline value, so only max was checked");
            } else {
                double ceiling = base + spec.baselineTolerance();
                threshold = spec.max() == null ? ceiling : Math.min(ceiling, spec.max());
                boolean above = value > ceiling + GateInputs.EPSILON;
                passed &= !above;
                sentences.add("the baseline has " + Verdicts.number(base) + ", so the bound is " + Verdicts.number(ceiling)
                        + (above ? " and the value is above it" : " and the value holds it"));
            }
        }
        GateVerdict verdict = Verdicts.of(spec, suite.name(), passed, value, threshold, "<=", base,
                Wilson.interval95(bad, records.size()), null, "strict", String.join("; ", sentences) + ".");
        if (spec.baselineTolerance() != null && base != null) {
            // the threshold alone is not what the user wrote: name the settings it came from
            String fromBaseline = "baseline " + Verdicts.number(base) + " + " + Verdicts.number(spec.baselineTolerance());
            verdict = verdict.withBound(spec.max() == null ? fromBaseline : "max " + Verdicts.number(spec.max()) + "; " + fromBaseline);
        }
        return verdict;
    }
}
