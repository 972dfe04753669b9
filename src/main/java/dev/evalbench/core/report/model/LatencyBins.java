package dev.evalbench.core.report.model;

/**
 * The bins of a latency histogram, report.html's and the workbench's alike: one round width (1, 2 or 5 times a power
 * of ten ms) chosen for about {@code target} bins over the range the latencies span, from the bin holding the lowest
 * to the one holding the highest (an axis from 0 ms left a run of 150-900 ms a sixth of its width empty). A run and
 * its baseline are binned alike, over both ranges. Negative latencies count as 0. Pure; the arrays are the caller's.
 *
 * @param widthMs  the width of every bin
 * @param firstMs  where the first bin starts, a multiple of the width
 * @param run      the run's latencies counted by bin
 * @param baseline the baseline's, by the same bins (all 0 without one)
 */
public record LatencyBins(long widthMs, long firstMs, int[] run, int[] baseline) {
    /** @param baseline null or empty for none */
    public static LatencyBins of(long[] run, long[] baseline, int target) {
        long[] base = baseline == null ? new long[0] : baseline;
        long min = Long.MAX_VALUE;
        long max = 0;
        for (long[] values : new long[][] {run, base}) {
            for (long v : values) {
                min = Math.min(min, Math.max(0, v));
                max = Math.max(max, v);
            }
        }
        if (min == Long.MAX_VALUE) min = 0;
        long width = niceStep(Math.max(1, max - min) / (double) target);
        long first = min / width;
        int bins = (int) (max / width - first) + 1;
        return new LatencyBins(width, first * width, counts(run, width, first, bins), counts(base, width, first, bins));
    }

    /** How many bins there are. */
    public int count() {
        return run.length;
    }

    /** Where bin {@code i} starts, ms. */
    public long lowMs(int i) {
        return firstMs + i * widthMs;
    }

    /** The smallest of 1, 2, 5 × 10^k that is at least {@code raw} (and at least 1). */
    public static long niceStep(double raw) {
        long power = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * power >= raw) return m * power;
            }
            power *= 10;
        }
    }

    private static int[] counts(long[] values, long width, long first, int bins) {
        int[] counts = new int[bins];
        for (long v : values) counts[(int) Math.min(bins - 1, Math.max(0, Math.max(0, v) / width - first))]++;
        return counts;
    }
}
