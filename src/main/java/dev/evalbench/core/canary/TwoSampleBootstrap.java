package dev.evalbench.core.canary;

import dev.evalbench.core.gate.stats.Interval;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;

/**
 * A percentile bootstrap interval for an effect between two independent samples (each resampled on its own),
 * seeded so the same runs always give the same report. Stateless apart from its settings; thread-safe.
 */
final class TwoSampleBootstrap {
    static final long SEED = 20261129L;
    static final int RESAMPLES = 1000;

    private TwoSampleBootstrap() {}

    /** The 95% interval of {@code effect(control, canary)}; null when a side is empty. */
    static Interval interval95(double[] control, double[] canary, ToDoubleBiFunction<double[], double[]> effect) {
        if (control.length == 0 || canary.length == 0) return null;
        SplittableRandom random = new SplittableRandom(SEED);
        double[] effects = new double[RESAMPLES];
        double[] a = new double[control.length];
        double[] b = new double[canary.length];
        for (int i = 0; i < RESAMPLES; i++) {
            for (int j = 0; j < a.length; j++) a[j] = control[random.nextInt(control.length)];
            for (int j = 0; j < b.length; j++) b[j] = canary[random.nextInt(canary.length)];
            effects[i] = effect.applyAsDouble(a, b);
        }
        Arrays.sort(effects);
        return new Interval(effects[(int) Math.floor(0.025 * (RESAMPLES - 1))], effects[(int) Math.ceil(0.975 * (RESAMPLES - 1))]);
    }
}
