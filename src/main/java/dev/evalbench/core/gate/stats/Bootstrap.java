package dev.evalbench.core.gate.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Percentile bootstrap, plain and paired. Deterministic: every call draws from a fresh
 * {@link SplittableRandom} seeded with this bootstrap's seed, so the same data always gives the same
 * interval, in any order of calls and on any JVM. Immutable and thread-safe.
 *
 * <p>The general methods resample case indices ({@link UniformIndices}) and hand them to a statistic: n draws
 * per resample. The statistics that matter most have cheaper resamplings with the same distribution, drawn
 * in time independent of n or with one memory read per draw: a paired difference of proportions (a
 * multinomial draw of the four outcome counts, {@link #pairedProportion}), a nearest-rank percentile (one
 * order statistic, {@link #percentileOfRank}), a paired difference of means ({@link #pairedMean}) and of
 * percentiles ({@link #pairedPercentile}). Sums, means and paired percentiles of data that take few distinct
 * values (per-case changes of 0 or a few tokens, latencies in whole milliseconds, costs of a templated prompt)
 * resample the count of draws of each distinct value instead of n indices ({@link CaseGroups}, used when each
 * distinct value stands for {@link #maxGroups 32 cases or more}): the same bootstrap distribution from another
 * stream of draws, so the bounds agree with resampling indices to the Monte Carlo error, not to the bit.
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
            UniformIndices.fill(random, indices, n);
            stats[b] = statistic.applyAsDouble(indices);
        }
        return bounds(stats, level);
    }

    /**
     * {@link #percentile} for the sum of the data, one read per draw instead of a copied sample, or a draw of the
 * count of each distinct value when the data take few ({@link CaseGroups}).
     *
     * @return null for no data
     */
    public Interval percentileOfSum(double[] data, double level) {
        int n = data.length;
        if (n == 0) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        CaseGroups groups = CaseGroups.of(maxGroups(n), data);
        for (int b = 0; b < resamples; b++) {
            stats[b] = groups != null ? groups.sum(0, groups.resample(random)) : resampledSum(random, data);
        }
        return bounds(stats, level);
    }

    /**
     * The percentile interval of the nearest-rank percentile {@code fraction} ({@link Percentiles#nearestRank})
     * of the data, as {@link #percentile} gives it for that statistic, in time independent of the data's size:
     * the k-th smallest of n indices drawn uniformly from the sorted data is floor(n·U) for U the k-th order
     * statistic of n uniforms, which is Beta(k, n − k + 1); so each resample is one Beta draw.
     *
     * @return null for no data
     */
    public Interval percentileOfRank(double[] data, double fraction, double level) {
        int n = data.length;
        if (n == 0) {
            return null;
        }
        double[] sorted = data.clone();
        Arrays.sort(sorted);
        int k = Percentiles.rankIndex(n, fraction) + 1;
        BetaDistribution orderStatistic = new BetaDistribution(new SplittableSource(new SplittableRandom(seed)), k, n - k + 1.0);
        double[] stats = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            stats[b] = sorted[Math.min(n - 1, (int) (orderStatistic.sample() * n))];
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
        for (int b = 0; b < resamples; b++) {
            UniformIndices.fill(random, indices, n);
            stats[b] = difference.applyAsDouble(indices);
        }
        return difference(observed, stats, level);
    }

    /**
     * {@link #paired} for the difference of two proportions over n matched cases, mean(after) − mean(before)
     * of 0/1 outcomes, in time independent of n: a resample's difference is (N01 − N10) / n, where N10 counts
     * resampled cases that went from success to failure and N01 the reverse, and (N10, N01, the rest) is a
     * multinomial draw with the observed shares. Drawn as N10 ~ Binomial(n, p10), then N01 ~ Binomial(n − N10,
     * p01 / (1 − p10)).
     *
     * @throws IllegalArgumentException when the arrays are empty or of different lengths
     */
    public PairedDifference pairedProportion(boolean[] before, boolean[] after, double level) {
        int n = matchedLength(before.length, after.length);
        int wentWrong = 0;
        int wentRight = 0;
        for (int i = 0; i < n; i++) {
            if (before[i] && !after[i]) wentWrong++;
            if (!before[i] && after[i]) wentRight++;
        }
        double p10 = (double) wentWrong / n;
        double p01GivenNot10 = wentWrong == n ? 0 : (double) wentRight / (n - wentWrong);
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            int n10 = BinomialDraw.draw(random, n, p10);
            int n01 = BinomialDraw.draw(random, n - n10, p01GivenNot10);
            stats[b] = (double) (n01 - n10) / n;
        }
        return difference((double) (wentRight - wentWrong) / n, stats, level);
    }

    /**
     * {@link #paired} for mean(after) − mean(before) over n matched cases: each resample sums the per-case
     * differences at its drawn indices, one read per draw, or adds each distinct difference times its count of
     * draws when the differences take few distinct values ({@link CaseGroups}).
     *
     * @throws IllegalArgumentException when the arrays are empty or of different lengths
     */
    public PairedDifference pairedMean(double[] before, double[] after, double level) {
        int n = matchedLength(before.length, after.length);
        double[] change = new double[n];
        double sumBefore = 0;
        double sumAfter = 0;
        for (int i = 0; i < n; i++) {
            change[i] = after[i] - before[i];
            sumBefore += before[i];
            sumAfter += after[i];
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        CaseGroups groups = CaseGroups.of(maxGroups(n), change);
        for (int b = 0; b < resamples; b++) {
            stats[b] = (groups != null ? groups.sum(0, groups.resample(random)) : resampledSum(random, change)) / n;
        }
        return difference(sumAfter / n - sumBefore / n, stats, level);
    }

    /**
     * {@link #paired} for a difference of the two runs' totals over n matched cases, {@code difference(sum of
     * before, sum of after)} (a relative change of cost or tokens): each resample adds both runs' values at its
     * drawn indices, one draw per case for both sums, or from the count of draws of each distinct (before, after)
     * pair when the cases take few ({@link CaseGroups}).
     *
     * @throws IllegalArgumentException when the arrays are empty or of different lengths
     */
    public PairedDifference pairedSums(double[] before, double[] after, DoubleBinaryOperator difference, double level) {
        int n = matchedLength(before.length, after.length);
        double totalBefore = 0;
        double totalAfter = 0;
        for (int i = 0; i < n; i++) {
            totalBefore += before[i];
            totalAfter += after[i];
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        CaseGroups groups = CaseGroups.of(maxGroups(n), before, after);
        for (int b = 0; b < resamples && groups != null; b++) {
            int[] drawn = groups.resample(random);
            stats[b] = difference.applyAsDouble(groups.sum(0, drawn), groups.sum(1, drawn));
        }
        for (int b = 0; b < resamples && groups == null; b++) {
            double sumBefore = 0;
            double sumAfter = 0;
            for (int i = 0; i < n; i++) {
                int c = UniformIndices.next(random, n);
                sumBefore += before[c];
                sumAfter += after[c];
            }
            stats[b] = difference.applyAsDouble(sumBefore, sumAfter);
        }
        return difference(difference.applyAsDouble(totalBefore, totalAfter), stats, level);
    }

    /**
     * {@link #paired} for nearestRank(after, fraction) − nearestRank(before, fraction) over n matched cases
     * ({@link Percentiles#nearestRank}), without sorting or selecting over every resample: from the count of draws
     * of each distinct (before, after) pair when the cases take few ({@link CaseGroups}), else from the drawn
     * ranks ({@link PairedRanks}).
     *
     * @throws IllegalArgumentException when the arrays are empty or of different lengths
     */
    public PairedDifference pairedPercentile(double[] before, double[] after, double fraction, double level) {
        int n = matchedLength(before.length, after.length);
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        CaseGroups groups = CaseGroups.of(maxGroups(n), before, after);
        if (groups != null) {
            int k = Percentiles.rankIndex(n, fraction);
            int[] byBefore = groups.orderBy(0);
            int[] byAfter = groups.orderBy(1);
            for (int b = 0; b < resamples; b++) {
                int[] drawn = groups.resample(random);
                stats[b] = groups.nearestRank(1, byAfter, k, drawn) - groups.nearestRank(0, byBefore, k, drawn);
            }
        } else {
            PairedRanks ranks = new PairedRanks(before, after, fraction);
            for (int b = 0; b < resamples; b++) {
                stats[b] = ranks.resampledDifference(random);
            }
        }
        return difference(Percentiles.nearestRank(after, fraction) - Percentiles.nearestRank(before, fraction),
                stats, level);
    }

    /**
     * The sum of n values drawn with replacement from the n values; two partial sums, so consecutive additions
     * do not wait on each other (the draws are what a resample costs, not the adding).
     */
    private static double resampledSum(SplittableRandom random, double[] values) {
        int n = values.length;
        double even = 0;
        double odd = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            even += values[UniformIndices.next(random, n)];
            odd += values[UniformIndices.next(random, n)];
        }
        if (i < n) even += values[UniformIndices.next(random, n)];
        return even + odd;
    }

    /**
     * The most groups of equal values ({@link CaseGroups}) for which drawing the count of each group beats
     * drawing n indices: a binomial draw costs about as much as 20 index draws, so each group must stand for 32
     * cases or more on average.
     */
    static int maxGroups(int n) {
        return n / 32;
    }

    private static int matchedLength(int before, int after) {
        if (before != after) {
            throw new IllegalArgumentException("paired data of different lengths: " + before + " and " + after);
        }
        if (before == 0) {
            throw new IllegalArgumentException("a paired bootstrap needs at least one matched case");
        }
        return before;
    }

    /**
     * The observed difference with the percentile interval of the resampled ones and the p-value: two-sided
     * for "no difference", twice the smaller share of resampled differences on either side of zero, with the
     * usual +1 so it is never 0.
     */
    private PairedDifference difference(double observed, double[] stats, double level) {
        int atOrBelow = 0;
        int atOrAbove = 0;
        for (double d : stats) {
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
