package dev.evalbench.core.gate.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Resamples the difference of a nearest-rank percentile between two runs over matched cases, as
 * {@link Bootstrap#paired} would with a selection per resample and side, at a fraction of the cost of drawing
 * the indices. Each case's value is replaced by its rank in its run's sorted values (ties broken by case), so a
 * resample's percentile is the sorted value at the k-th smallest drawn rank. Only high ranks can be the k-th
 * smallest: ranks at or above a threshold some standard deviations below k are counted as they are drawn, and
 * the k-th smallest is found by walking those few counts down from the top.
 *
 * <p>So only the draws of the cases with a high rank in either run matter, and only those are drawn: of a
 * resample's n draws, the number that land on those m cases is Binomial(n, m / n), and given that number they
 * are uniform over the m cases. One binomial and about m uniform draws (m is about a tenth of n for the 95th
 * percentile of 10,000 cases) give the same distribution as n uniform draws; the bounds agree with drawing every
 * index to the Monte Carlo error, not to the bit. When a resample draws too few high ranks (a chance far below
 * one in a million) its other draws are made too, over the other cases, and that resample is selected over all
 * its draws, so the result never depends on the threshold. Reuses its buffers: not thread-safe.
 */
final class PairedRanks {
    private final int n;
    private final int k;
    private final int threshold;
    private final double[] sortedBefore;
    private final double[] sortedAfter;
    private final int[] rankBefore;
    private final int[] rankAfter;
    /** The cases with a rank at or above the threshold in either run, and the others. */
    private final int[] high;
    private final int[] low;
    private final double share;
    private final double logShare;
    private final double logRest;
    private final double[] logFactorial;
    private final int[] drawn;
    private final int[] countsBefore;
    private final int[] countsAfter;

    PairedRanks(double[] before, double[] after, double fraction) {
        this(before, after, fraction, (int) (8 * Math.sqrt(before.length - Percentiles.rankIndex(before.length, fraction)) + 32));
    }

    /** @param margin how far below k the threshold is (a test's small margin makes the fallback common) */
    PairedRanks(double[] before, double[] after, double fraction, int margin) {
        n = before.length;
        k = Percentiles.rankIndex(n, fraction);
        threshold = Math.max(0, k - margin);
        sortedBefore = before.clone();
        Arrays.sort(sortedBefore);
        sortedAfter = after.clone();
        Arrays.sort(sortedAfter);
        rankBefore = ranks(before);
        rankAfter = ranks(after);
        int highCount = 0;
        for (int c = 0; c < n; c++) {
            if (isHigh(c)) highCount++;
        }
        high = new int[highCount];
        low = new int[n - highCount];
        for (int c = 0, h = 0, l = 0; c < n; c++) {
            if (isHigh(c)) high[h++] = c;
            else low[l++] = c;
        }
        share = (double) highCount / n;
        logShare = Math.log(share);
        logRest = Math.log1p(-share);
        logFactorial = BinomialDraw.logFactorials(n);
        drawn = new int[n];
        countsBefore = new int[n - threshold];
        countsAfter = new int[n - threshold];
    }

    private boolean isHigh(int c) {
        return rankBefore[c] >= threshold || rankAfter[c] >= threshold;
    }

    /** nearestRank(after) − nearestRank(before) over one resample of the cases. */
    double resampledDifference(SplittableRandom random) {
        int onHigh = BinomialDraw.draw(random, n, share, logShare, logRest, logFactorial);
        for (int i = 0; i < onHigh; i++) {
            int c = high[UniformIndices.next(random, high.length)];
            drawn[i] = c;
            int rb = rankBefore[c] - threshold;
            if (rb >= 0) countsBefore[rb]++;
            int ra = rankAfter[c] - threshold;
            if (ra >= 0) countsAfter[ra]++;
        }
        int kthBefore = kthCounted(countsBefore);
        int kthAfter = kthCounted(countsAfter);
        if (kthBefore < 0 || kthAfter < 0) {
            for (int i = onHigh; i < n; i++) drawn[i] = low[UniformIndices.next(random, low.length)];
            if (kthBefore < 0) kthBefore = kthSelected(rankBefore);
            if (kthAfter < 0) kthAfter = kthSelected(rankAfter);
        }
        return sortedAfter[kthAfter] - sortedBefore[kthBefore];
    }

    /**
     * The k-th smallest drawn rank, which is the (n − k)-th largest, from the counts of the ranks at or above the
     * threshold; −1 when they hold fewer than n − k draws. Clears the counts.
     */
    private int kthCounted(int[] counts) {
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
        return found;
    }

    /** The k-th smallest of the ranks of all n draws of the resample. */
    private int kthSelected(int[] rank) {
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
