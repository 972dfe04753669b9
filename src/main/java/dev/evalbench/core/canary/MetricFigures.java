package dev.evalbench.core.canary;

import dev.evalbench.core.gate.stats.PValueText;
import java.util.Locale;

/**
 * One canary metric's figures in the words and units its line says them with: rates in percent with the change and
 * its interval in points; latency, tokens and cost with their unit ("1,010 ms", "$0.000172") and the change in
 * percent; the decision distribution as the share of requests that moved (it has no value per run). The pull
 * request's table (report.md) and the window's verdict table (core/service/VerdictReport) are built from these, so
 * the three say a figure alike. An absent figure is "–".
 *
 * @param floor the smallest change that counts, in the effect's unit
 */
public record MetricFigures(String first, String second, String effect, String interval, String p, String floor) {
    static final String NONE = "–";

    /**
     * @param test the metric's test ({@code fisher_exact}, {@code mann_whitney}, or the decision distribution's)
     * @param metric the metric's id ({@code p95_latency}, {@code tokens}, {@code cost}, ...)
     */
    public static MetricFigures of(String test, String metric, Double control, Double canary, Double effect, Double low,
                                   Double high, Double p, double floor) {
        String pText = p == null || !Double.isFinite(p) ? NONE : PValueText.digits(p);
        return switch (test == null ? "" : test) {
            case "fisher_exact" -> new MetricFigures(scaled(control, "%.2f%%"), scaled(canary, "%.2f%%"),
                    scaled(effect, "%+.2f points"), range(low, high, "%+.2f", " points"), pText, scaled(floor, "%.2f points"));
            case "mann_whitney" -> {
                CanaryMetric known = CanaryMetric.ofId(metric);
                yield new MetricFigures(figure(known, control), figure(known, canary), scaled(effect, "%+.1f%%"),
                        range(low, high, "%+.1f%%", ""), pText, scaled(floor, "%.1f%%"));
            }
            default -> new MetricFigures(NONE, NONE, scaled(effect, "%.1f%% of requests"), range(low, high, "%.1f%%", ""),
                    pText, scaled(floor, "%.1f%% of requests"));
        };
    }

    /** {@link #of} for a judged metric. */
    public static MetricFigures of(MetricJudgement m) {
        return of(m.test(), m.metric().id(), m.control(), m.canary(), m.effect(), m.intervalLow(), m.intervalHigh(),
                m.pValue(), m.floor());
    }

    /** {@code v} with its metric's unit ({@link CanaryMetric#figure}); a metric this build does not know, bare. */
    private static String figure(CanaryMetric metric, Double v) {
        if (v == null) return NONE;
        return metric == null ? CanaryJudge.number(v) : metric.figure(v);
    }

    /** {@code v} times 100 in {@code format}. */
    private static String scaled(Double v, String format) {
        return v == null ? NONE : String.format(Locale.ROOT, format, 100 * v);
    }

    /** "-5.29 to -0.92 points": both ends times 100 in {@code format}. */
    private static String range(Double low, Double high, String format, String unit) {
        if (low == null || high == null) return NONE;
        return String.format(Locale.ROOT, format, 100 * low) + " to " + String.format(Locale.ROOT, format, 100 * high) + unit;
    }
}
