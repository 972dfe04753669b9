package dev.evalbench.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountedTest {
    @Test
    void oneIsSingularEveryOtherCountPluralAndThousandsAreGrouped() {
        assertThat(Counted.cases(1)).isEqualTo("1 case");
        assertThat(Counted.cases(0)).isEqualTo("0 cases");
        assertThat(Counted.cases(2)).isEqualTo("2 cases");
        assertThat(Counted.cases(100_000)).isEqualTo("100,000 cases");
        assertThat(Counted.of(1, "matched case")).isEqualTo("1 matched case");
    }
}
