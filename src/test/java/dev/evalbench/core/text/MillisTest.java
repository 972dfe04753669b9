package dev.evalbench.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Milliseconds read as the results table reads them: whole and grouped by thousands. */
class MillisTest {
    @Test
    void wholeAndGroupedAsTheResultsTableShowsThem() {
        assertThat(Millis.of(450)).isEqualTo("450 ms");
        assertThat(Millis.of(2000)).isEqualTo("2,000 ms");
        assertThat(Millis.of(1196.4)).isEqualTo("1,196 ms");
        assertThat(Millis.signed(288)).isEqualTo("+288 ms");
        assertThat(Millis.signed(-1200)).isEqualTo("-1,200 ms");
    }
}
