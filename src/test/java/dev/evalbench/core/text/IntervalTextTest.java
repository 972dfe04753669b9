package dev.evalbench.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.compare.MetricFormat;
import org.junit.jupiter.api.Test;

/**
 * An interval whose ends have thousands separators reads as two numbers: the sample's tokens gate showed
 * "[189,869, 192,141]", four numbers to the eye, in the CLI's table, the window's and report.html.
 */
class IntervalTextTest {
    @Test
    void endsWithThousandsAreSeparatedBySemicolonsOthersByCommas() {
        assertThat(IntervalText.of("0.852", "0.951")).isEqualTo("[0.852, 0.951]");
        assertThat(IntervalText.of("189,869", "192,141")).isEqualTo("[189,869; 192,141]");
        assertThat(IntervalText.of("950 ms", "1,020 ms")).isEqualTo("[950 ms; 1,020 ms]");
        assertThat(MetricFormat.interval(0.5, 0.75, "rate")).isEqualTo("[50.0%, 75.0%]");
        assertThat(MetricFormat.interval(1190.0, 1210.5, "tokens")).isEqualTo("[1,190.0; 1,210.5]");
    }
}
