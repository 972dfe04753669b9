package dev.evalbench.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report's pass-rate bars: each value beside its bar, baseline included, inside the chart. */
class PassRateBarsTest {
    private static final Pattern VALUE = Pattern.compile("<text class=\"tick\" x=\"([0-9.]+)\" y=\"[0-9.]+\" "
            + "text-anchor=\"start\">([^<]+)</text>");

    /** "100.0% (base 100.0%)" read "100.0% (base 100.0%", its ")" past the chart's edge. */
    @Test
    void theLongestValueWithItsBaselineFitsInsideTheChart() {
        String svg = PassRateBars.render(List.of(new PassRateBars.Bar("all cases", 1.0, 0.51, 1.0, 1.0),
                new PassRateBars.Bar("safety", 1.0, 0.51, 1.0, 1.0)));

        Matcher value = VALUE.matcher(svg);
        int found = 0;
        while (value.find()) {
            found++;
            assertThat(value.group(2)).isEqualTo("100.0% (base 100.0%)");
            // About 6.5 px a character at the tick labels' 11 px.
            double end = Double.parseDouble(value.group(1)) + value.group(2).length() * 6.5;
            assertThat(end).isLessThanOrEqualTo(PassRateBars.WIDTH);
        }
        assertThat(found).as(svg).isEqualTo(2);
    }
}
