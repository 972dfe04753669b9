package dev.evalbench.core.report.html;

import java.util.List;
import java.util.Locale;

/**
 * Pass rates as horizontal bars, one per suite (and one for the whole run), each with its 95% interval as a
 * whisker and the baseline's rate as a tick when there is one. Pure.
 */
final class PassRateBars {
    static final int WIDTH = 560;
    private static final int LABEL = 110;
    /** Room right of the bars for the longest value, "100.0% (base 100.0%)": at 130 its ")" was cut off. */
    static final int VALUE = 150;
    private static final int ROW = 30;
    private static final int TOP = 8;

    private PassRateBars() {}

    /** One bar: a rate in [0, 1], its interval (nullable) and the baseline's rate (nullable). */
    record Bar(String label, double rate, Double low, Double high, Double baseline) {}

    static String render(List<Bar> bars) {
        int height = TOP * 2 + ROW * bars.size() + 18;
        double plotW = WIDTH - LABEL - VALUE;
        Svg svg = new Svg(WIDTH, height, "Pass rate per suite with 95% intervals");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = TOP + i * ROW;
            svg.text(LABEL - 8, y + 19, "end", "tick", bar.label());
            svg.rect(LABEL, y + 6, plotW, 18, "track", null);
            double rate = Double.isFinite(bar.rate()) ? bar.rate() : 0;
            svg.rect(LABEL, y + 6, plotW * rate, 18, rate >= 0.999 ? "bar-pass" : "bar-run",
                    String.format(Locale.ROOT, "%s: %.1f%%", bar.label(), rate * 100));
            if (bar.low() != null && bar.high() != null) {
                double x1 = LABEL + plotW * bar.low();
                double x2 = LABEL + plotW * bar.high();
                svg.line(x1, y + 15, x2, y + 15, "whisker").line(x1, y + 10, x1, y + 20, "whisker").line(x2, y + 10, x2, y + 20, "whisker");
            }
            if (bar.baseline() != null && Double.isFinite(bar.baseline())) {
                double x = LABEL + plotW * bar.baseline();
                svg.line(x, y + 2, x, y + 28, "marker");
            }
            String value = Double.isFinite(bar.rate()) ? String.format(Locale.ROOT, "%.1f%%", bar.rate() * 100) : "—";
            if (bar.baseline() != null && Double.isFinite(bar.baseline())) {
                value += String.format(Locale.ROOT, " (base %.1f%%)", bar.baseline() * 100);
            }
            svg.text(LABEL + plotW + 8, y + 19, "start", "tick", value);
        }
        double axisY = TOP + ROW * bars.size() + 12;
        for (int pct = 0; pct <= 100; pct += 25) {
            svg.text(LABEL + plotW * pct / 100, axisY, "middle", "tick", pct + "%");
        }
        return svg.end();
    }
}
