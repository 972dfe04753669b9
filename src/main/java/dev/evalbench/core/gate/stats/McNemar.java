package dev.evalbench.core.gate.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The exact McNemar test for paired 0/1 outcomes (a case right in one run and wrong in the other). Only
 * discordant pairs carry information: {@code b} cases went right → wrong, {@code c} went wrong → right.
 * Under no change each discordant pair is a fair coin, so the two-sided p-value is
 * {@code min(1, 2 * P(X <= min(b, c)))} with {@code X ~ Binomial(b + c, 1/2)}. Pure.
 */
public final class McNemar {
    private McNemar() {}

    /** @return 1 when there is no discordant pair */
    public static double exactPValue(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must be >= 0: b=" + b + ", c=" + c);
        }
        int n = b + c;
        if (n == 0) {
            return 1.0;
        }
        // The generator is only used for sampling, which this never does.
        BinomialDistribution coin = new BinomialDistribution(null, n, 0.5);
        return Math.min(1.0, 2 * coin.cumulativeProbability(Math.min(b, c)));
    }
}
