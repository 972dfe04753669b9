package dev.evalbench.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report's latency histogram: the p95 label stays inside the chart wherever the p95 falls. */
class LatencyHistogramTest {
    private static final Pattern LABEL = Pattern.compile("<text class=\"tick marker-label\" x=\"([0-9.]+)\" y=\"[0-9.]+\" "
            + "text-anchor=\"(start|end)\">(p95 [0-9]+ ms)</text>");
    private static final Pattern MARKER = Pattern.compile("<line class=\"marker\" x1=\"([0-9.]+)\"");

    /** Four cases at 370-380 ms: the p95 is in the last bin, and its label read "p95 3", cut at the chart's edge. */
    @Test
    void aP95AtTheRightEndIsLabelledLeftOfItsMarker() {
        String svg = LatencyHistogram.render(new long[] {370, 375, 378, 380}, new long[] {370, 380}, 380);

        Matcher label = LABEL.matcher(svg);
        Matcher marker = MARKER.matcher(svg);
        assertThat(label.find()).as(svg).isTrue();
        assertThat(marker.find()).as(svg).isTrue();
        assertThat(label.group(3)).isEqualTo("p95 380 ms");
        assertThat(label.group(2)).isEqualTo("end");
        assertThat(Double.parseDouble(label.group(1))).isLessThan(Double.parseDouble(marker.group(1)));
    }

    @Test
    void aP95InTheMiddleIsLabelledRightOfItsMarker() {
        String svg = LatencyHistogram.render(new long[] {100, 200, 300, 900}, null, 300);

        Matcher label = LABEL.matcher(svg);
        Matcher marker = MARKER.matcher(svg);
        assertThat(label.find()).as(svg).isTrue();
        assertThat(marker.find()).as(svg).isTrue();
        assertThat(label.group(2)).isEqualTo("start");
        double x = Double.parseDouble(label.group(1));
        assertThat(x).isGreaterThan(Double.parseDouble(marker.group(1)));
        assertThat(x + "p95 300 ms".length() * 6.5).isLessThanOrEqualTo(LatencyHistogram.WIDTH);
    }
}
