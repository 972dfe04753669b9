package dev.evalbench.core.gate.ci;

import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.text.Millis;
import java.util.Locale;

/**
 * How a verdict's numbers read for people, by gate kind: rates as percentages, metrics with three decimals,
 * latency in ms, tokens with thousands separators, cost variance as a percentage. A missing or non-finite
 * number reads as "—". Shared by every CI writer so the JUnit message, the PR comment and the annotation
 * say the same thing. Pure.
 */
public final class VerdictFormat {
    public static final String NONE = "—";

    private VerdictFormat() {}

    /**
     * True when the verdict's interval is of the paired difference run − baseline rather than of the value:
     * metric gates that were compared with a baseline (those carry a p-value).
     */
    public static boolean intervalOfDifference(GateVerdict v) {
        return "metric".equals(v.kind()) && v.pValue() != null;
    }

    public static String value(GateVerdict v) {
        return number(v.kind(), v.value());
    }

    /** The bound held to, with the settings it came from when there were several: "≥ 0.963 (min 0.850; baseline 0.983 − 0.020)". */
    public static String threshold(GateVerdict v) {
        String bound = thresholdBound(v);
        return v.bound() == null || bound.equals(NONE) ? bound : bound + " (" + v.bound() + ")";
    }

    /**
     * The threshold the value was held to, without how it was found ({@code ≥ 0.901} where {@link #threshold} says
     * {@code ≥ 0.901 (min 0.850; baseline 0.921 − 0.020)}), for a layout that puts the two on separate lines.
     */
    public static String thresholdBound(GateVerdict v) {
        if (!Double.isFinite(v.threshold())) {
            return NONE;
        }
        String comparator = ">=".equals(v.comparator()) ? "≥ " : "<=".equals(v.comparator()) ? "≤ " : "";
        return comparator + number(v.kind(), v.threshold());
    }

    public static String baseline(GateVerdict v) {
        return v.baselineValue() == null ? NONE : number(v.kind(), v.baselineValue());
    }

    /** value − baseline in the value's unit (percentage points for rates); "—" without a baseline. */
    public static String delta(GateVerdict v) {
        if (v.baselineValue() == null || !Double.isFinite(v.value()) || !Double.isFinite(v.baselineValue())) {
            return NONE;
        }
        double d = v.value() - v.baselineValue();
        switch (v.kind()) {
            case "schema_pass_rate":
            case "safety_pass_rate":
            case "cost_variance": // a share, shown as one: "+0.0 pp" beside "0.0%", not "+0.000"
                return String.format(Locale.ROOT, "%+.1f pp", d * 100);
            case "p95_latency":
                return Millis.signed(d);
            case "total_tokens":
                return String.format(Locale.ROOT, "%+,.0f", d);
            default:
                return String.format(Locale.ROOT, "%+.3f", d);
        }
    }

    /**
     * "[low, high]" ({@link dev.evalbench.core.text.IntervalText}: "[189,869; 192,141]" for thousands), prefixed with
     * "Δ " when it is the interval of the difference against the baseline.
     */
    public static String interval(GateVerdict v) {
        if (v.intervalLow() == null || v.intervalHigh() == null) {
            return NONE;
        }
        if (intervalOfDifference(v)) {
            return String.format(Locale.ROOT, "Δ [%+.3f, %+.3f]", v.intervalLow(), v.intervalHigh());
        }
        return dev.evalbench.core.text.IntervalText.of(number(v.kind(), v.intervalLow()), number(v.kind(), v.intervalHigh()));
    }

    public static String pValue(GateVerdict v) {
        if (v.pValue() == null) {
            return NONE;
        }
        return dev.evalbench.core.gate.stats.PValueText.digits(v.pValue());
    }

    public static String mark(GateVerdict v) {
        if (!v.ran()) return "➖ not run";
        return v.passed() ? "✅" : "❌";
    }

    /**
     * The verdict as tables for people say it: "pass", "FAIL" (in capitals, to stand out in a column of passes), or
     * "not run" for a gate whose suites were not run. The CLI's gate table, the gates panel, the comparisons and
     * report.html all say it this way.
     */
    public static String word(GateVerdict v) {
        if (!v.ran()) return "not run";
        return v.passed() ? "pass" : "FAIL";
    }

    /** The verdict word of tables and JSON: "pass", "fail", or "not run" for a gate whose suites were not run. */
    public static String verdict(GateVerdict v) {
        if (!v.ran()) return "not run";
        return v.passed() ? "pass" : "fail";
    }

    /**
     * The verdict as every JSON output spells it ({@code gate --json}, {@code compare --json}, report.json, the
     * signed statement): "pass", "fail" or "not_run". {@code passed} alone cannot say the third: a gate that did
     * not run passes, so that a partial run is not failed by suites it left out.
     */
    public static String jsonVerdict(GateVerdict v) {
        return verdict(v).replace(' ', '_');
    }

    /** One line with every number of the verdict, for failure messages. */
    public static String summary(GateVerdict v) {
        StringBuilder s = new StringBuilder();
        s.append("value ").append(value(v)).append(", threshold ").append(threshold(v));
        if (v.baselineValue() != null) {
            s.append(", baseline ").append(baseline(v));
        }
        if (v.intervalLow() != null) {
            s.append(", 95% interval ").append(interval(v));
        }
        if (v.pValue() != null) {
            s.append(", p = ").append(pValue(v));
        }
        return s.toString();
    }

    static String number(String kind, double x) {
        if (!Double.isFinite(x)) {
            return NONE;
        }
        switch (kind) {
            case "schema_pass_rate":
            case "safety_pass_rate":
            case "cost_variance":
                return String.format(Locale.ROOT, "%.1f%%", x * 100);
            case "p95_latency":
                return Millis.of(x);
            case "total_tokens":
                return String.format(Locale.ROOT, "%,.0f", x);
            default:
                return String.format(Locale.ROOT, "%.3f", x);
        }
    }
}
