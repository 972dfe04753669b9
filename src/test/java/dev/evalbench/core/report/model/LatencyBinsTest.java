package dev.evalbench.core.report.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The bins of the latency histograms (report.html's, the workbench's): from the bin of the lowest latency to that of
 * the highest, of a round width chosen for about 20 over that range. The sample's offline run answers in 150-900 ms;
 * from 0 ms, a sixth of the chart was empty bins, and its bars a sixth narrower.
 */
class LatencyBinsTest {
    @Test
    void theBinsSpanTheLatenciesNotFromZero() {
        LatencyBins bins = LatencyBins.of(new long[] {180, 250, 330, 450, 890}, null, 20);

        // 890 - 180 = 710 ms over 20 bins: 35.5 ms, rounded up to 50 ms; from 150 ms (the bin of 180) to 850 ms.
        assertThat(bins.widthMs()).isEqualTo(50);
        assertThat(bins.firstMs()).isEqualTo(150);
        assertThat(bins.count()).isEqualTo(15);
        assertThat(bins.lowMs(14)).isEqualTo(850);
        assertThat(bins.run()[0]).isEqualTo(1);
        assertThat(bins.run()[14]).isEqualTo(1);
        assertThat(bins.baseline()).containsOnly(0);
    }

    @Test
    void aBaselineIsBinnedAlikeOverBothRanges() {
        LatencyBins bins = LatencyBins.of(new long[] {400, 410}, new long[] {100, 120}, 20);

        // 410 - 100 = 310 ms over 20 bins: 15.5 ms, rounded up to 20 ms; from 100 ms.
        assertThat(bins.widthMs()).isEqualTo(20);
        assertThat(bins.firstMs()).isEqualTo(100);
        assertThat(bins.baseline()[0]).isEqualTo(1);
        assertThat(bins.baseline()[1]).isEqualTo(1);
        // 400 and 410 ms share the last bin, 400-420 ms.
        assertThat(bins.lowMs(bins.count() - 1)).isEqualTo(400);
        assertThat(bins.run()[bins.count() - 1]).isEqualTo(2);
    }

    @Test
    void noLatencyAtAllIsOneEmptyBinAtZero() {
        LatencyBins bins = LatencyBins.of(new long[0], null, 20);

        assertThat(bins.count()).isEqualTo(1);
        assertThat(bins.firstMs()).isZero();
        assertThat(bins.run()).containsExactly(0);
    }
}
