package dev.evalbench.core.gate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void wilsonOf8Of10MatchesThePublishedInterval() {
        Interval i = Wilson.interval95(8, 10);

        assertThat(i.low()).isCloseTo(0.4902, within(5e-5));
        assertThat(i.high()).isCloseTo(0.9433, within(5e-5));
    }

    @Test
    void wilsonStaysInsideZeroAndOneAtTheEdgesAndTakesAnyZ() {
        assertThat(Wilson.interval95(10, 10).high()).isEqualTo(1.0);
        assertThat(Wilson.interval95(10, 10).low()).isCloseTo(0.7225, within(5e-5));
        assertThat(Wilson.interval95(0, 10).low()).isEqualTo(0.0);
        assertThat(Wilson.interval95(0, 0)).isEqualTo(new Interval(0, 1));
        Interval z1 = Wilson.interval(8, 10, 1.0);
        // z = 1: center (0.8 + 0.05) / 1.1, half sqrt(0.016 + 0.0025) / 1.1
        assertThat(z1.low()).isCloseTo((0.85 - Math.sqrt(0.0185)) / 1.1, within(1e-12));
        assertThat(z1.high()).isCloseTo((0.85 + Math.sqrt(0.0185)) / 1.1, within(1e-12));
    }

    @Test
    void mcnemarExactPValueOfOneAgainstNineIs0_021484375() {
        assertThat(McNemar.exactPValue(1, 9)).isCloseTo(0.021484375, within(1e-12));
        assertThat(McNemar.exactPValue(9, 1)).isCloseTo(0.021484375, within(1e-12));
        assertThat(McNemar.exactPValue(2, 0)).isCloseTo(0.5, within(1e-12));
        assertThat(McNemar.exactPValue(5, 5)).isEqualTo(1.0);
        assertThat(McNemar.exactPValue(0, 0)).isEqualTo(1.0);
    }

    @Test
    void nearestRankP95IsAnObservedValue() {
        double[] oneTo20 = IntStream.rangeClosed(1, 20).asDoubleStream().toArray();
        double[] oneTo100 = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();

        assertThat(Percentiles.p95(oneTo20)).isEqualTo(19.0);
        assertThat(Percentiles.p95(oneTo100)).isEqualTo(95.0);
        assertThat(Percentiles.p95(new double[] {7})).isEqualTo(7.0);
        assertThat(Percentiles.p95(new double[] {300, 100, 200})).isEqualTo(300.0);
        assertThat(Percentiles.nearestRank(oneTo20, 0.5)).isEqualTo(10.0);
        assertThat(Percentiles.p95(new double[0])).isNaN();
    }

    @Test
    void theSameDataGivesTheSameBootstrapIntervalEveryTime() {
        double[] latencies = {120, 340, 95, 410, 220, 180, 900, 150, 260, 310, 130, 170};
        Bootstrap a = new Bootstrap(42, 1000);
        Bootstrap b = new Bootstrap(42, 1000);

        Interval first = a.percentile(latencies, Percentiles::p95, 0.95);
        Interval again = b.percentile(latencies.clone(), Percentiles::p95, 0.95);
        Interval otherSeed = new Bootstrap(43, 1000).percentile(latencies, d -> Arrays.stream(d).sum(), 0.95);

        assertThat(again).isEqualTo(first);
        assertThat(first.high()).isEqualTo(900.0);
        assertThat(first.low()).isGreaterThanOrEqualTo(95.0);
        assertThat(otherSeed.contains(Arrays.stream(latencies).sum())).isTrue();
    }

    @Test
    void pairedBootstrapIsDeterministicAndTellsNoiseFromAShift() {
        double[] before = IntStream.range(0, 40).mapToDouble(i -> i % 7).toArray();
        double[] shifted = Arrays.stream(before).map(x -> x - 2).toArray();
        Bootstrap bootstrap = new Bootstrap(7, 2000);

        Bootstrap.PairedDifference same = bootstrap.paired(40, idx -> mean(before, idx) - mean(before, idx), 0.95);
        Bootstrap.PairedDifference drop = bootstrap.paired(40, idx -> mean(shifted, idx) - mean(before, idx), 0.95);
        Bootstrap.PairedDifference dropAgain = new Bootstrap(7, 2000).paired(40, idx -> mean(shifted, idx) - mean(before, idx), 0.95);

        assertThat(same.pValue()).isEqualTo(1.0);
        assertThat(same.interval()).isEqualTo(new Interval(0, 0));
        assertThat(drop.observed()).isCloseTo(-2.0, within(1e-12));
        assertThat(drop.pValue()).isLessThan(0.001);
        assertThat(drop.interval().high()).isLessThan(0);
        assertThat(dropAgain).isEqualTo(drop);
    }

    private static double mean(double[] values, int[] idx) {
        double sum = 0;
        for (int i : idx) {
            sum += values[i];
        }
        return sum / idx.length;
    }
}
