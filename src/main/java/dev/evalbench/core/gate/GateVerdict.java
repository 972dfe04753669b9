package dev.evalbench.core.gate;

/**
 * One gate's verdict. {@code value} is the measured value; {@code threshold} the bound it was held to
 * ({@code comparator} ">=" or "<="); {@code baselineValue}, {@code pValue} and the interval are null when not
 * applicable. {@code detail} is one plain sentence for people. {@code ran} is false for a gate whose suites the
 * run did not include ({@code run --suite}): such a gate is shown as "not run", passes, and measured nothing.
 * {@code bound} is the threshold in the user's words when it was derived from more than one setting (for
 * example "min 0.850; baseline 0.983 − 0.020" for a metric gate with a baseline tolerance), else null.
 */
public record GateVerdict(
        String id,
        String kind,
        String suite,
        boolean passed,
        double value,
        double threshold,
        String comparator,
        Double baselineValue,
        Double intervalLow,
        Double intervalHigh,
        Double pValue,
        String mode,
        String detail,
        boolean ran,
        String bound) {

    /** A verdict whose threshold is the one setting the gate names. */
    public GateVerdict(String id, String kind, String suite, boolean passed, double value, double threshold,
                       String comparator, Double baselineValue, Double intervalLow, Double intervalHigh, Double pValue,
                       String mode, String detail, boolean ran) {
        this(id, kind, suite, passed, value, threshold, comparator, baselineValue, intervalLow, intervalHigh, pValue,
                mode, detail, ran, null);
    }

    /** A verdict of a gate that ran. */
    public GateVerdict(String id, String kind, String suite, boolean passed, double value, double threshold,
                       String comparator, Double baselineValue, Double intervalLow, Double intervalHigh, Double pValue,
                       String mode, String detail) {
        this(id, kind, suite, passed, value, threshold, comparator, baselineValue, intervalLow, intervalHigh, pValue,
                mode, detail, true);
    }

    /** Whether this gate could not judge for want of a baseline ({@link GateEvaluator#NEEDS_BASELINE} in its detail). */
    public boolean needsBaseline() {
        return detail != null && detail.contains(GateEvaluator.NEEDS_BASELINE);
    }

    /**
     * Whether the run left this gate's cases out by choice (its suites, a slice, a traffic run): "not run", answered or
     * not. A gate of suites an incomplete run stopped before ({@link Verdicts#NOT_RUN_YET}) was not left out.
     */
    public boolean leftOut() {
        return !ran && (detail == null || !detail.contains(Verdicts.NOT_RUN_YET));
    }

    /** This verdict with its threshold worded as {@code bound}. */
    public GateVerdict withBound(String bound) {
        return new GateVerdict(id, kind, suite, passed, value, threshold, comparator, baselineValue, intervalLow,
                intervalHigh, pValue, mode, detail, ran, bound);
    }
}
