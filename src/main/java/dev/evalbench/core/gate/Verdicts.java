package dev.evalbench.core.gate;

import dev.evalbench.core.gate.stats.Interval;
import dev.evalbench.core.workspace.GateSpec;
import java.util.List;
import java.util.Locale;

/** Small constructors of {@link GateVerdict}s shared by the gate kinds. */
final class Verdicts {
    private Verdicts() {}

    /** The kind as spelled in gates.yaml, for example "schema_pass_rate". */
    static String kindName(GateSpec spec) {
        return spec.kind() == null ? "unknown" : spec.kind().name().toLowerCase(Locale.ROOT);
    }

    /** A gate that could not measure anything (bad spec, no cases, no baseline): it fails, saying why. */
    static GateVerdict cannotMeasure(GateSpec spec, String comparator, String mode, String detail) {
        return cannotMeasure(spec, comparator, Double.NaN, mode, detail);
    }

    /** As above, with the threshold the gate was given, shown although nothing was measured against it. */
    static GateVerdict cannotMeasure(GateSpec spec, String comparator, double threshold, String mode, String detail) {
        return new GateVerdict(spec.id(), kindName(spec), spec.suite(), false, Double.NaN, threshold, comparator,
                null, null, null, null, mode, detail);
    }

    /** A gate none of whose suites the run included: it passes, measured nothing, and says so. */
    static GateVerdict notRun(GateSpec spec, List<String> suites) {
        return unmeasured(spec, "Not run: this run did not include suite " + String.join(", ", suites) + ".");
    }

    /** How the sentence of a gate of suites an incomplete run stopped before begins. */
    static final String NOT_RUN_YET = "Not run yet: ";

    /** A gate of suites an incomplete run stopped before: it passes, measured nothing yet, and says what runs them. */
    static GateVerdict notRunYet(GateSpec spec, List<String> suites) {
        return unmeasured(spec, NOT_RUN_YET + "this incomplete run has no case of suite " + String.join(", ", suites)
                + " stored; resume it to run them.");
    }

    /**
     * A gate with nothing to check among the cases a slice of the workspace chose ({@code run --case}, the
     * window's "Rerun failing"): it passes, measured nothing, and says so. The whole eval set would have had them.
     */
    static GateVerdict notRunInSlice(GateSpec spec, String what) {
        return unmeasured(spec, "Not run: the cases this run chose include no " + what + ".");
    }

    /** A gate a traffic or shadow run is not held to ({@link GateEvaluator#appliesToTraffic}). */
    static GateVerdict notRunOnTraffic(GateSpec spec, dev.evalbench.core.record.RunKind kind) {
        return unmeasured(spec, "Not run: a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " run is held only to"
                + " run-wide rates (schema pass rate, p95 latency); budgets, baselines and suite metrics are the eval set's.");
    }

    /** A gate that did not run: it passes, measured nothing, shows the threshold it states, and says {@code why}. */
    private static GateVerdict unmeasured(GateSpec spec, String why) {
        return new GateVerdict(spec.id(), kindName(spec), spec.suite(), true, Double.NaN, stated(spec), statedComparator(spec),
                null, null, null, null, spec.mode(), why, false);
    }

    /**
     * The threshold {@code spec} states without a baseline (a schema gate's min, a latency gate's max_ms, the safety
     * gate's 100%), shown beside a verdict that measured nothing (its suites not run, no case to measure) so a reader
     * still sees what the gate asks; NaN when only a baseline would set it.
     */
    static double stated(GateSpec spec) {
        if (spec.kind() == null) return Double.NaN;
        Double stated = switch (spec.kind()) {
            case SCHEMA_PASS_RATE -> spec.min();
            case SAFETY_PASS_RATE -> 1.0;
            case P95_LATENCY -> spec.maxMs();
            case TOTAL_TOKENS -> spec.max();
            case COST_VARIANCE -> spec.maxIncrease();
            case METRIC -> spec.min() != null ? spec.min() : spec.max();
        };
        return stated == null ? Double.NaN : stated;
    }

    /** How {@link #stated} is compared: "<=" for a ceiling (latency, tokens, cost, a metric's max), else ">=". */
    static String statedComparator(GateSpec spec) {
        if (spec.kind() == null) return null;
        return switch (spec.kind()) {
            case SCHEMA_PASS_RATE, SAFETY_PASS_RATE -> ">=";
            case P95_LATENCY, TOTAL_TOKENS, COST_VARIANCE -> "<=";
            case METRIC -> spec.min() == null && spec.max() != null ? "<=" : ">=";
        };
    }

    static GateVerdict of(GateSpec spec, String suite, boolean passed, double value, double threshold, String comparator,
            Double baselineValue, Interval interval, Double pValue, String mode, String detail) {
        return new GateVerdict(spec.id(), kindName(spec), suite, passed, value, threshold, comparator, baselineValue,
                interval == null ? null : interval.low(), interval == null ? null : interval.high(), pValue, mode, detail);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
