package dev.evalbench.core.gate.stats;

/**
 * The reference side of the resampling tests: a statistic computed on the cases one resample drew (by index), as
 * {@link Bootstrap#paired} and {@link Bootstrap#percentile} compute every resample.
 */
final class ResampledIndices {
    private ResampledIndices() {}

    /** The mean of the drawn values. */
    static double mean(double[] values, int[] idx) {
        double sum = 0;
        for (int i : idx) sum += values[i];
        return sum / idx.length;
    }

    /** The drawn values, in the order drawn. */
    static double[] pick(double[] values, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = values[idx[i]];
        return out;
    }
}
