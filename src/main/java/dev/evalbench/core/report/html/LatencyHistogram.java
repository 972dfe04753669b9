package dev.evalbench.core.report.html;

import dev.evalbench.core.report.model.LatencyBins;
import java.util.Arrays;
import java.util.Locale;

/**
 * The latency distribution of a run as an inline SVG histogram, with the baseline's distribution beside it
 * when there is one and the run's p95 marked. Bins have a round width (1, 2 or 5 times a power of ten ms)
 * chosen for about 20 bins over the range the latencies span ({@link LatencyBins}). Pure.
 */
public final class LatencyHistogram {
    static final int WIDTH = 560;
    static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 14;
    private static final int BOTTOM = 40;
    private static final int TARGET_BINS = 20;

    private LatencyHistogram() {}

    /**
     * @param run      latencies of the run's answered cases, ms
     * @param baseline latencies of the baseline, or null
     * @param p95      the run's p95 latency, ms (NaN to leave it out)
     */
    static String render(long[] run, long[] baseline, double p95) {
        LatencyBins binned = LatencyBins.of(run, baseline, TARGET_BINS);
        long step = binned.widthMs();
        int bins = binned.count();
        int[] runCounts = binned.run();
        int[] baseCounts = baseline == null ? null : binned.baseline();
        int top = Math.max(1, Math.max(Arrays.stream(runCounts).max().orElse(0),
                baseCounts == null ? 0 : Arrays.stream(baseCounts).max().orElse(0)));

        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double binW = plotW / bins;
        Svg svg = new Svg(WIDTH, HEIGHT, "Latency distribution: " + run.length + " cases"
                + (baseline == null ? "" : ", baseline " + baseline.length + " cases"));
        svg.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "axis").line(LEFT, TOP, LEFT, TOP + plotH, "axis");
        for (int tick : new int[] {0, top / 2, top}) {
            double y = TOP + plotH - plotH * tick / top;
            svg.line(LEFT - 4, y, LEFT, y, "axis").text(LEFT - 7, y + 4, "end", "tick", Integer.toString(tick));
        }
        for (int b = 0; b < bins; b++) {
            double x = LEFT + b * binW;
            String range = binned.lowMs(b) + "–" + binned.lowMs(b + 1) + " ms";
            if (baseCounts == null) {
                bar(svg, x + 1, binW - 2, runCounts[b], top, plotH, "bar-run", range + ": " + runCounts[b] + " cases");
            } else {
                bar(svg, x + 1, binW / 2 - 1, baseCounts[b], top, plotH, "bar-base", range + ": " + baseCounts[b] + " baseline cases");
                bar(svg, x + binW / 2, binW / 2 - 1, runCounts[b], top, plotH, "bar-run", range + ": " + runCounts[b] + " cases");
            }
            if (b % Math.max(1, bins / 5) == 0) {
                svg.text(x, TOP + plotH + 16, "middle", "tick", Long.toString(binned.lowMs(b)));
            }
        }
        if (Double.isFinite(p95)) {
            double x = LEFT + plotW * Math.max(0, p95 - binned.firstMs()) / (bins * (double) step);
            String label = String.format(Locale.ROOT, "p95 %.0f ms", p95);
            // Right of the marker, unless it would run past the chart's edge (a p95 in the last bin read "p95 3"):
            // then left of it. About 6.5 px a character at the 11 px of the tick labels.
            boolean fitsRight = x + 4 + label.length() * 6.5 <= WIDTH;
            svg.line(x, TOP, x, TOP + plotH, "marker")
                    .text(fitsRight ? x + 4 : x - 4, TOP + 10, fitsRight ? "start" : "end", "tick marker-label", label);
        }
        svg.text(LEFT + plotW / 2, HEIGHT - 6, "middle", "axis-label", "latency (ms)");
        return svg.end();
    }

    private static void bar(Svg svg, double x, double w, int count, int top, double plotH, String cssClass, String tooltip) {
        double h = plotH * count / top;
        svg.rect(x, TOP + plotH - h, w, h, cssClass, tooltip);
    }
}
