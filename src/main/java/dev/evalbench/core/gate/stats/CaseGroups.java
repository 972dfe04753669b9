package dev.evalbench.core.gate.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The n cases of a bootstrap grouped by their values (one value per case in each column, such as a case's cost
 * in the baseline and in the run): cases with equal values in every column form one group. Resampling n cases
 * with replacement then comes down to how many draws fall in each group, a multinomial draw of n over the
 * groups' shares, and any statistic of a resample that depends only on the values (a sum, a nearest-rank
 * percentile) follows from those k counts: the same bootstrap distribution as drawing n case indices, in O(k)
 * binomial draws per resample instead of n index draws. Worth it when k is small next to n, which per-case
 * changes (often 0 or a few values), token counts and costs of a templated prompt, and latencies rounded to
 * milliseconds often are.
 *
 * <p>Groups are in order of first appearance and values compare bit for bit ({@link Double#compare}), so the
 * grouping and every draw are the same for the same data. Reuses its count buffer: not thread-safe.
 */
final class CaseGroups {
    private final int n;
    private final double[][] values;
    private final int[] sizes;
    private final int[] counts;
    /** Each group's binomial share given the groups before it, and the logarithms of it and of its complement. */
    private final double[] share;
    private final double[] logShare;
    private final double[] logRest;
    private final double[] logFactorial;

    private CaseGroups(int n, double[][] values, int[] sizes) {
        this.n = n;
        this.values = values;
        this.sizes = sizes;
        this.counts = new int[sizes.length];
        this.share = new double[sizes.length];
        this.logShare = new double[sizes.length];
        this.logRest = new double[sizes.length];
        int sharesLeft = n;
        for (int g = 0; g < sizes.length; g++) {
            share[g] = (double) sizes[g] / sharesLeft;
            logShare[g] = Math.log(share[g]);
            logRest[g] = Math.log1p(-share[g]);
            sharesLeft -= sizes[g];
        }
        this.logFactorial = BinomialDraw.logFactorials(n);
    }

    /**
     * The cases grouped by their values in every column, or null when they take more than {@code maxGroups}
     * distinct combinations (then drawing indices is the cheaper resampling).
     *
     * @param columns at least one, all of the same positive length n
     */
    static CaseGroups of(int maxGroups, double[]... columns) {
        int n = columns[0].length;
        Map<Row, int[]> sizeByRow = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            double[] row = new double[columns.length];
            for (int c = 0; c < columns.length; c++) row[c] = columns[c][i];
            int[] size = sizeByRow.computeIfAbsent(new Row(row), r -> new int[1]);
            size[0]++;
            if (sizeByRow.size() > maxGroups) return null;
        }
        double[][] values = new double[columns.length][sizeByRow.size()];
        int[] sizes = new int[sizeByRow.size()];
        int g = 0;
        for (Map.Entry<Row, int[]> e : sizeByRow.entrySet()) {
            for (int c = 0; c < columns.length; c++) values[c][g] = e.getKey().values()[c];
            sizes[g++] = e.getValue()[0];
        }
        return new CaseGroups(n, values, sizes);
    }

    /** The number of groups, k. */
    int size() {
        return sizes.length;
    }

    /** The value in column {@code column} of the cases of group {@code group}. */
    double value(int column, int group) {
        return values[column][group];
    }

    /**
     * One resample's count of draws in each group: a multinomial draw of n over the groups' shares, made as a
     * binomial draw per group conditional on the draws left ({@link BinomialDraw}). The array is reused by the
     * next call.
     */
    int[] resample(SplittableRandom random) {
        int left = n;
        int last = sizes.length - 1;
        for (int g = 0; g < last; g++) {
            int drawn = BinomialDraw.draw(random, left, share[g], logShare[g], logRest[g], logFactorial);
            counts[g] = drawn;
            left -= drawn;
        }
        counts[last] = left;
        return counts;
    }

    /** The sum of column {@code column}'s values over a resample's draws. */
    double sum(int column, int[] drawn) {
        double[] v = values[column];
        double total = 0;
        for (int g = 0; g < drawn.length; g++) total += drawn[g] * v[g];
        return total;
    }

    /** Each group's position when sorted by column {@code column}'s value, for {@link #nearestRank}. */
    int[] orderBy(int column) {
        double[] v = values[column];
        Integer[] order = new Integer[sizes.length];
        Arrays.setAll(order, g -> g);
        Arrays.sort(order, Comparator.comparingDouble(g -> v[g]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The value at 0-based position {@code rankIndex} of a resample's n draws sorted by column {@code column}:
     * its nearest-rank percentile when {@code rankIndex} is {@link Percentiles#rankIndex}.
     *
     * @param order {@link #orderBy} of the same column
     */
    double nearestRank(int column, int[] order, int rankIndex, int[] drawn) {
        int seen = 0;
        for (int g : order) {
            seen += drawn[g];
            if (seen > rankIndex) return values[column][g];
        }
        throw new IllegalStateException("a resample holds " + seen + " draws, not " + n);
    }

    /** One case's values in every column, equal when they are equal bit for bit. */
    private record Row(double[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && Arrays.equals(values, r.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }
}
