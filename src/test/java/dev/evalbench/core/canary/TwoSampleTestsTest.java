package dev.evalbench.core.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evalbench.core.gate.stats.Interval;
import org.junit.jupiter.api.Test;

/** The canary's tests against values published for them. */
class TwoSampleTestsTest {
    @Test
    void fisherExactMatchesTheLadyTastingTea() {
        // Fisher (1935): 3 of 4 cups right in each half, two-sided p = 34/70.
        assertThat(TwoSampleTests.fisherExact(3, 4, 1, 4)).isCloseTo(34.0 / 70, within(1e-12));
        assertThat(TwoSampleTests.fisherExact(4, 4, 0, 4)).isCloseTo(2.0 / 70, within(1e-12));
        assertThat(TwoSampleTests.fisherExact(5, 10, 5, 10)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void newcombeIntervalMatchesNewcombesWorkedExample() {
        // Newcombe (1998), example (a): 56/70 vs 48/80, difference 0.2, method 10 interval 0.0524 to 0.3339.
        Interval ci = TwoSampleTests.differenceInterval(48, 80, 56, 70);
        assertThat(ci.low()).isCloseTo(0.0524, within(5e-4));
        assertThat(ci.high()).isCloseTo(0.3339, within(5e-4));
    }

    @Test
    void rankBiserialSaysWhichWayAndHowFar() {
        double[] low = {1, 2, 3, 4};
        double[] high = {5, 6, 7, 8};
        assertThat(TwoSampleTests.rankBiserial(low, high)).isEqualTo(1.0);
        assertThat(TwoSampleTests.rankBiserial(high, low)).isEqualTo(-1.0);
        assertThat(TwoSampleTests.rankBiserial(low, low)).isEqualTo(0.0);
        assertThat(TwoSampleTests.mannWhitney(low, high)).isLessThan(0.05);
        assertThat(TwoSampleTests.mannWhitney(new double[] {3, 3, 3}, new double[] {3, 3, 3})).isEqualTo(1.0);
    }
}
