package dev.evalbench.core.gate.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Selection gives exactly the value a full sort puts at each rank, for any data a latency column can hold. */
class PercentilesSelectTest {
    @Test
    void everyRankMatchesTheSortedArray() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(300);
            int distinct = 1 + random.nextInt(trial % 3 == 0 ? 3 : 1000); // many ties in a third of the trials
            double[] values = new double[n];
            for (int i = 0; i < n; i++) values[i] = random.nextInt(distinct) * (random.nextBoolean() ? 1.5 : 1);
            if (trial % 10 == 0) values[random.nextInt(n)] = Double.NaN;
            if (trial % 7 == 0) values[random.nextInt(n)] = -0.0;
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            for (int k = 0; k < n; k++) {
                assertThat(Double.compare(Percentiles.select(values.clone(), k), sorted[k])).as("n=%d k=%d", n, k).isZero();
            }
        }
    }

    @Test
    void p95IsTheNearestRankOfTheSortedData() {
        double[] latencies = new double[1000];
        for (int i = 0; i < latencies.length; i++) latencies[i] = (i * 7919) % 1000; // 0..999, shuffled
        assertThat(Percentiles.p95(latencies)).isEqualTo(949.0);
        assertThat(latencies[1]).as("the caller's array is left alone").isEqualTo(7919 % 1000);
    }
}
