package dev.evalbench.core.compare;

import dev.evalbench.core.text.Millis;
import java.util.Locale;

/**
 * How numbers read in every view of a comparison or report (text, Markdown, HTML), so the same value looks
 * the same everywhere: rates as percentages, latencies in ms, costs in dollars, p-values to three digits.
 * Non-finite values read as an em dash. Pure.
 */
public final class MetricFormat {
    public static final String NONE = "—";

    private MetricFormat() {}

    /** A value in its unit ("rate", "ms", "tokens", "usd"; anything else as a plain number). */
    public static String value(double v, String unit) {
        if (!Double.isFinite(v)) return NONE;
        return switch (unit) {
            case "rate" -> String.format(Locale.ROOT, "%.1f%%", v * 100);
            case "ms" -> Millis.of(v);
            // With thousands separators, as the tokens gate writes its totals ("190,783" beside "1199.9" read oddly).
            case "tokens" -> String.format(Locale.ROOT, "%,.1f", v);
            case "usd" -> String.format(Locale.ROOT, "$%.6f", v);
            default -> number(v);
        };
    }

    /** A signed change in its unit: percentage points for rates. */
    public static String delta(double d, String unit) {
        if (!Double.isFinite(d)) return NONE;
        String text = switch (unit) {
            case "rate" -> String.format(Locale.ROOT, "%+.1f pp", d * 100);
            case "ms" -> Millis.signed(d);
            case "tokens" -> String.format(Locale.ROOT, "%+,.1f", d);
            case "usd" -> usdDelta(d);
            default -> String.format(Locale.ROOT, "%+.4g", d);
        };
        // A change that rounds to zero is no change: "-0.000000" reads as a drop that is not there.
        return text.matches("-\\$?0(\\.0+)?( .*)?") ? "+" + text.substring(1) : text;
    }

    /**
     * A change of dollars, with its sign before the dollar sign as the values have theirs ("$0.000200 -> $0.000201,
     * +$0.00000033"): six decimals, as the values; a smaller change that is not noise keeps two significant digits
     * ("+$0.00000012"), or "+$0.000000" would sit beside a p-value saying the change is real. Below a billionth of a
     * dollar it is float noise and reads as no change.
     */
    private static String usdDelta(double d) {
        String sign = d < 0 ? "-" : "+";
        if (Math.abs(d) >= 0.0000005 || Math.abs(d) < 1e-9) return sign + String.format(Locale.ROOT, "$%.6f", Math.abs(d));
        var twoDigits = new java.math.BigDecimal(Math.abs(d)).round(new java.math.MathContext(2));
        return sign + "$" + twoDigits.toPlainString();
    }

    /** "[low, high]" in the unit ({@link dev.evalbench.core.text.IntervalText}), or an em dash when there is no interval. */
    public static String interval(Double low, Double high, String unit) {
        if (low == null || high == null) return NONE;
        return dev.evalbench.core.text.IntervalText.of(value(low, unit), value(high, unit));
    }

    /** A delta interval: "[−1.0 pp, +3.0 pp]". */
    public static String deltaInterval(Double low, Double high, String unit) {
        if (low == null || high == null) return NONE;
        return dev.evalbench.core.text.IntervalText.of(delta(low, unit), delta(high, unit));
    }

    public static String pValue(Double p) {
        if (p == null || !Double.isFinite(p)) return NONE;
        // The same digits as the gate table's p column, so one value reads the same everywhere.
        return dev.evalbench.core.gate.stats.PValueText.digits(p);
    }

    /** Integers without decimals, others to four significant digits. */
    public static String number(double v) {
        if (!Double.isFinite(v)) return NONE;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%d", (long) v);
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
