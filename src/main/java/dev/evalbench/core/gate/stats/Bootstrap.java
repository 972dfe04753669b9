package dev.evalbench.core.gate.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap, plain and paired. Deterministic: every call draws from a fresh
 * {@link SplittableRandom} seeded with this bootstrap's seed, so the same data always gives the same
 * interval, in any order of calls and on any JVM. Immutable and thread-safe.
 */
public final class Bootstrap {
    public static final long DEFAULT_SEED = 20260307L;
    public static final int DEFAULT_RESAMPLES = 2000;

    private final long seed;
    private final int resamples;

    public Bootstrap(long seed, int resamples) {
        if (resamples < 100) {
            throw new IllegalArgumentException("a bootstrap needs at least 100 resamples: " + resamples);
        }
        this.seed = seed;
        this.resamples = resamples;
    }

    public static Bootstrap standard() {
        return new Bootstrap(DEFAULT_SEED, DEFAULT_RESAMPLES);
    }

    /**
     * The percentile interval of a statistic of the data, resampling values with replacement.
     *
     * @param level for example 0.95
     * @return null for no data
     */
    public Interval percentile(double[] data, ToDoubleFunction<double[]> statistic, double level) {
        if (data.length == 0) {
            return null;
        }
        double[] sample = new double[data.length];
        return resampledInterval(data.length, indices -> {
            for (int i = 0; i < indices.length; i++) {
                sample[i] = data[indices[i]];
            }
            return statistic.applyAsDouble(sample);
        }, level);
    }

    /**
     * The percentile interval of a statistic computed on resampled indices 0..n-1, for statistics of
     * records rather than of numbers (a macro F1 over resampled cases).
     *
     * @return null when n is 0
     */
    public Interval resampledInterval(int n, ToDoubleFunction<int[]> statistic, double level) {
        if (n <= 0) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        int[] indices = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                indices[i] = random.nextInt(n);
            }
            stats[b] = statistic.applyAsDouble(indices);
        }
        return bounds(stats, level);
    }

    /**
     * Paired bootstrap of a difference between two runs over n matched cases: each resample draws case
     * indices with replacement and {@code difference} computes (run − baseline) on those cases. The p-value
     * is two-sided for "no difference": twice the smaller share of resampled differences on either side of
     * zero, with the usual +1 so it is never 0.
     *
     * @param difference receives the resampled indices (length n, values in [0, n)); for the observed
     *     difference it receives 0..n-1
     * @throws IllegalArgumentException when n is 0
     */
    public PairedDifference paired(int n, ToDoubleFunction<int[]> difference, double level) {
        if (n <= 0) {
            throw new IllegalArgumentException("a paired bootstrap needs at least one matched case");
        }
        int[] identity = new int[n];
        Arrays.setAll(identity, i -> i);
        double observed = difference.applyAsDouble(identity);
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        int[] indices = new int[n];
        int atOrBelow = 0;
        int atOrAbove = 0;
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                indices[i] = random.nextInt(n);
            }
            double d = difference.applyAsDouble(indices);
            stats[b] = d;
            if (d <= 0) {
                atOrBelow++;
            }
            if (d >= 0) {
                atOrAbove++;
            }
        }
        double tail = Math.min(atOrBelow + 1, atOrAbove + 1) / (double) (resamples + 1);
        return new PairedDifference(observed, bounds(stats, level), Math.min(1.0, 2 * tail));
    }

    private static Interval bounds(double[] stats, double level) {
        Arrays.sort(stats);
        double alpha = 1 - level;
        int n = stats.length;
        int low = Math.max(0, (int) Math.floor(alpha / 2 * n));
        int high = Math.min(n - 1, (int) Math.ceil((1 - alpha / 2) * n) - 1);
        return new Interval(stats[low], stats[high]);
    }

    /** The observed difference, its percentile interval and the two-sided p-value of "no difference". */
    public record PairedDifference(double observed, Interval interval, double pValue) {}
}
