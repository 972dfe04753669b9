package dev.evalbench.core.canary;

import dev.evalbench.core.gate.stats.Interval;
import dev.evalbench.core.gate.stats.Wilson;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * The two-sample tests a canary is judged with: Fisher's exact test for two proportions (with Newcombe's
 * hybrid-score interval for their difference, built on Wilson intervals), and the Mann-Whitney U test for two
 * samples of numbers (latency, cost, tokens) with its rank-biserial effect size. Distributions come from Apache
 * Commons Math. Stateless and thread-safe.
 */
final class TwoSampleTests {
    private TwoSampleTests() {}

    /**
     * Two-sided p-value of Fisher's exact test on {@code [[a, n1 - a], [b, n2 - b]]}: the probability, with the
     * margins fixed, of a table no more likely than the one seen.
     */
    static double fisherExact(int a, int n1, int b, int n2) {
        int successes = a + b;
        int total = n1 + n2;
        if (n1 == 0 || n2 == 0 || successes == 0 || successes == total) return 1.0;
        HypergeometricDistribution h = new HypergeometricDistribution(null, total, successes, n1);
        double observed = h.probability(a);
        double p = 0;
        for (int k = Math.max(0, successes - n2); k <= Math.min(successes, n1); k++) {
            double pk = h.probability(k);
            // Relative slack so tables as likely as the observed one, up to rounding, count.
            if (pk <= observed * (1 + 1e-7)) p += pk;
        }
        return Math.min(1.0, p);
    }

    /** Newcombe's 95% interval (method 10) for {@code b/n2 - a/n1}. */
    static Interval differenceInterval(int a, int n1, int b, int n2) {
        double p1 = (double) a / n1;
        double p2 = (double) b / n2;
        Interval w1 = Wilson.interval95(a, n1);
        Interval w2 = Wilson.interval95(b, n2);
        double d = p2 - p1;
        double low = d - Math.sqrt(sq(p2 - w2.low()) + sq(w1.high() - p1));
        double high = d + Math.sqrt(sq(w2.high() - p2) + sq(p1 - w1.low()));
        return new Interval(low, high);
    }

    /** Two-sided p-value of the Mann-Whitney U test (normal approximation, ties corrected); 1 when nothing varies. */
    static double mannWhitney(double[] control, double[] canary) {
        if (control.length == 0 || canary.length == 0) return 1.0;
        double p = new MannWhitneyUTest().mannWhitneyUTest(control, canary);
        return Double.isNaN(p) ? 1.0 : p;
    }

    /**
     * The rank-biserial correlation of canary against control: P(canary > control) - P(canary < control),
     * from -1 (every canary value lower) to 1 (every one higher).
     */
    static double rankBiserial(double[] control, double[] canary) {
        if (control.length == 0 || canary.length == 0) return 0;
        // Commons Math's mannWhitneyU gives max(U1, U2), which loses the direction: count the canary's own U.
        return 2 * canaryU(control, canary) / ((double) control.length * canary.length) - 1;
    }

    /** U of the canary sample: pairs where canary is higher, ties counting one half. */
    private static double canaryU(double[] control, double[] canary) {
        double[] sorted = control.clone();
        java.util.Arrays.sort(sorted);
        double u = 0;
        for (double y : canary) {
            int below = lowerBound(sorted, y);
            int notAbove = upperBound(sorted, y);
            u += below + 0.5 * (notAbove - below);
        }
        return u;
    }

    private static int lowerBound(double[] a, double x) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int upperBound(double[] a, double x) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static double sq(double x) {
        return x * x;
    }
}
