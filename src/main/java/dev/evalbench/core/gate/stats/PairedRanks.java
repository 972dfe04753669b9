package dev.evalbench.core.gate.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Resamples the difference of a nearest-rank percentile between two runs over matched cases, as
 * {@link Bootstrap#paired} would with a selection per resample and side, at about the cost of drawing the
 * indices. Each case's value is replaced by its rank in its run's sorted values (ties broken by case), so a
 * resample's percentile is the sorted value at the k-th smallest drawn rank. Only high ranks can be the k-th
 * smallest: ranks at or above a threshold some standard deviations below k are counted as they are drawn, and
 * the k-th smallest is found by walking those few counts down from the top. When a resample draws too few of
 * them (a chance far below one in a million) that resample is selected over all its draws instead, so the
 * result never depends on the threshold. Reuses its buffers: not thread-safe.
 */
final class PairedRanks {
    private final int n;
    private final int k;
    private final int threshold;
    private final double[] sortedBefore;
    private final double[] sortedAfter;
    private final int[] rankBefore;
    private final int[] rankAfter;
    private final int[] drawn;
    private final int[] countsBefore;
    private final int[] countsAfter;

    PairedRanks(double[] before, double[] after, double fraction) {
        n = before.length;
        k = Percentiles.rankIndex(n, fraction);
        int above = n - k;
        threshold = Math.max(0, k - (int) (8 * Math.sqrt(above) + 32));
        sortedBefore = before.clone();
        Arrays.sort(sortedBefore);
        sortedAfter = after.clone();
        Arrays.sort(sortedAfter);
        rankBefore = ranks(before);
        rankAfter = ranks(after);
        drawn = new int[n];
        countsBefore = new int[n - threshold];
        countsAfter = new int[n - threshold];
    }

    /** nearestRank(after) − nearestRank(before) over one resample of the cases. */
    double resampledDifference(SplittableRandom random) {
        for (int i = 0; i < n; i++) {
            int c = UniformIndices.next(random, n);
            drawn[i] = c;
            int rb = rankBefore[c] - threshold;
            if (rb >= 0) countsBefore[rb]++;
            int ra = rankAfter[c] - threshold;
            if (ra >= 0) countsAfter[ra]++;
        }
        return sortedAfter[kthRank(rankAfter, countsAfter)] - sortedBefore[kthRank(rankBefore, countsBefore)];
    }

    /**
     * The k-th smallest drawn rank, which is the (n − k)-th largest: found in the counts of the ranks at or above
     * the threshold when they hold at least n − k draws, else by selection over all draws. Clears the counts.
     */
    private int kthRank(int[] rank, int[] counts) {
        int wanted = n - k;
        int seen = 0;
        int found = -1;
        for (int r = counts.length - 1; r >= 0; r--) {
            seen += counts[r];
            if (seen >= wanted) {
                found = threshold + r;
                break;
            }
        }
        Arrays.fill(counts, 0);
        if (found >= 0) return found;
        double[] all = new double[n];
        for (int i = 0; i < n; i++) all[i] = rank[drawn[i]];
        return (int) Percentiles.select(all, k);
    }

    /** Each value's position in the sorted values, ties in case order. */
    private static int[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> {
            int byValue = Double.compare(values[x], values[y]);
            return byValue != 0 ? byValue : Integer.compare(x, y);
        });
        int[] rank = new int[values.length];
        for (int r = 0; r < order.length; r++) rank[order[r]] = r;
        return rank;
    }
}
