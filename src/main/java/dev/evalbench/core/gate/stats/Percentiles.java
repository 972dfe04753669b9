package dev.evalbench.core.gate.stats;

import java.util.Arrays;

/**
 * Nearest-rank percentiles: the smallest value with at least p of the data at or below it. Always an
 * observed value, never an interpolation, so "p95 latency 812 ms" is a latency some case really had. Pure.
 */
public final class Percentiles {
    private Percentiles() {}

    /**
     * @param fraction in (0, 1], for example 0.95
     * @return NaN for no values
     */
    public static double nearestRank(double[] values, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("percentile fraction must be in (0, 1]: " + fraction);
        }
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[rankIndex(sorted.length, fraction)];
    }

    public static double p95(double[] values) {
        return nearestRank(values, 0.95);
    }

    /** The 0-based index of the nearest rank in sorted data of length n. */
    static int rankIndex(int n, double fraction) {
        // The epsilon keeps 0.95 * 20 = 19.000000000000004 from rounding up to rank 20.
        int rank = (int) Math.ceil(fraction * n - 1e-9);
        return Math.min(n, Math.max(1, rank)) - 1;
    }
}
