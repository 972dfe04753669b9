package dev.evalbench.core.canary;

/**
 * How strict a canary judgement is. {@code alpha}: the significance level of each test. {@code minSamples}:
 * requests each run needs before anything but hold is possible. {@code passScore} and {@code marginalScore}: the
 * share of metrics with data that must pass to promote, and below which the canary rolls back (between the two,
 * hold), as Kayenta scores a canary.
 */
public record CanaryOptions(double alpha, int minSamples, double passScore, double marginalScore) {
    public static final CanaryOptions DEFAULTS = new CanaryOptions(0.05, 100, 0.95, 0.75);

    public CanaryOptions {
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be between 0 and 1, not " + alpha);
        if (minSamples < 2) throw new IllegalArgumentException("min samples must be at least 2, not " + minSamples);
    }
}
