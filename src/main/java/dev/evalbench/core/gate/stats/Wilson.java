package dev.evalbench.core.gate.stats;

/**
 * The Wilson score interval of a binomial proportion: unlike the normal approximation it stays inside
 * [0, 1] and behaves at 0 and n successes, which is where gates live (a 100% safety rate, a 99% schema
 * rate). Pure.
 */
public final class Wilson {
    /** The two-sided 95% normal quantile. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {}

    public static Interval interval95(long successes, long trials) {
        return interval(successes, trials, Z95);
    }

    /**
     * @param z the normal quantile (1.96 for 95%)
     * @return [0, 1] when there are no trials: nothing is known
     * @throws IllegalArgumentException when successes is outside [0, trials]
     */
    public static Interval interval(long successes, long trials, double z) {
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be within [0, trials]: " + successes + "/" + trials);
        }
        if (trials == 0) {
            return new Interval(0.0, 1.0);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double center = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // At 0 and n successes the exact bound is 0 or 1; rounding would otherwise give 0.9999999999999999.
        double low = successes == 0 ? 0.0 : Math.max(0.0, center - half);
        double high = successes == trials ? 1.0 : Math.min(1.0, center + half);
        return new Interval(low, high);
    }
}
