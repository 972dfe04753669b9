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
        // Selection, not a full sort: the bootstrap asks for a p95 of thousands of values 2,000 times per metric.
        double[] work = values.clone();
        return select(work, rankIndex(work.length, fraction));
    }

    /**
     * The k-th smallest value (0-based) in {@link Double#compare} order, the element {@code Arrays.sort} would
     * put at index k; reorders {@code a}. Quickselect with a median-of-three pivot and Hoare partitioning, so
     * runs of equal values split evenly instead of degrading to quadratic time.
     */
    static double select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(a[mid], a[lo]) < 0) swap(a, mid, lo);
            if (Double.compare(a[hi], a[lo]) < 0) swap(a, hi, lo);
            if (Double.compare(a[hi], a[mid]) < 0) swap(a, hi, mid);
            double pivot = a[mid];
            int i = lo - 1;
            int j = hi + 1;
            while (true) {
                do i++; while (Double.compare(a[i], pivot) < 0);
                do j--; while (Double.compare(a[j], pivot) > 0);
                if (i >= j) break;
                swap(a, i, j);
            }
            if (k <= j) hi = j; else lo = j + 1;
        }
        Arrays.sort(a, lo, hi + 1);
        return a[k];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
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
