package dev.evalbench.core.gate.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One way to write a p-value: four decimals, "<0.0001" below, in the three places a p-value is written. */
class PValueTextTest {
    @Test
    void fourDecimalsOrBelowTheSmallestThatShows() {
        assertThat(PValueText.digits(1.0)).isEqualTo("1.0000");
        assertThat(PValueText.digits(0.021549)).isEqualTo("0.0215");
        assertThat(PValueText.digits(0.0001)).isEqualTo("0.0001");
        assertThat(PValueText.digits(0.0000999)).isEqualTo("<0.0001");
        assertThat(PValueText.digits(8.69e-46)).isEqualTo("<0.0001");

        assertThat(PValueText.compact(0.00726)).isEqualTo("p=0.0073");
        assertThat(PValueText.compact(8.69e-46)).isEqualTo("p<0.0001");
        assertThat(PValueText.spaced(0.00726)).isEqualTo("p = 0.0073");
        assertThat(PValueText.spaced(8.69e-46)).isEqualTo("p < 0.0001");
    }
}
