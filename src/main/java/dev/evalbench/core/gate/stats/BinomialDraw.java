package dev.evalbench.core.gate.stats;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Exact draws from Binomial(n, p) by inversion, walking outward from the mode: the probability of the mode
 * comes from commons-math3 (its saddle-point expansion stays accurate for large n), its neighbours from the
 * ratio of successive probabilities. Inversion over any fixed order of the outcomes is exact; starting at the
 * mode makes the walk take about one standard deviation of steps (a few dozen for n = 10,000), where
 * commons-math3's own {@code sample()} bisects the distribution function, thousands of times slower. Pure given
 * the generator, which is the caller's.
 */
final class BinomialDraw {
    private BinomialDraw() {}

    static int draw(SplittableRandom random, int n, double p) {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        int mode = (int) Math.min(n, Math.floor((n + 1) * p));
        return fromMode(random, n, p, mode, Math.exp(new BinomialDistribution(null, n, p).logProbability(mode)));
    }

    /**
     * As {@link #draw(SplittableRandom, int, double)}, with the mode's probability from a table of log n! the
     * caller keeps ({@link #logFactorials}) and the logarithms of p and 1 − p: a few reads and one exp instead
     * of the saddle-point expansion, for callers that draw thousands of binomials of the same few p.
     *
     * @param logFactorial log k! for k from 0 to at least n
     */
    static int draw(SplittableRandom random, int n, double p, double logP, double logQ, double[] logFactorial) {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        int mode = (int) Math.min(n, Math.floor((n + 1) * p));
        double logAtMode = logFactorial[n] - logFactorial[mode] - logFactorial[n - mode] + mode * logP + (n - mode) * logQ;
        return fromMode(random, n, p, mode, Math.exp(logAtMode));
    }

    /** log k! for k from 0 to n, summed in order (relative error about n times the double's, far below a draw's). */
    static double[] logFactorials(int n) {
        double[] table = new double[n + 1];
        for (int k = 2; k <= n; k++) table[k] = table[k - 1] + Math.log(k);
        return table;
    }

    /** Inversion walking outward from the mode, whose probability is {@code atMode}. */
    private static int fromMode(SplittableRandom random, int n, double p, int mode, double atMode) {
        double odds = p / (1 - p);
        double u = random.nextDouble() - atMode;
        if (u < 0) return mode;
        double up = atMode;
        double down = atMode;
        int high = mode;
        int low = mode;
        // Alternate above and below the mode; stops when both tails have run out (rounding left u > 0).
        while (high < n || low > 0) {
            if (high < n) {
                up *= (double) (n - high) / (high + 1) * odds;
                high++;
                u -= up;
                if (u < 0) return high;
            }
            if (low > 0) {
                down *= (double) low / (n - low + 1) / odds;
                low--;
                u -= down;
                if (u < 0) return low;
            }
            if (up == 0 && down == 0) break;
        }
        return mode;
    }
}
