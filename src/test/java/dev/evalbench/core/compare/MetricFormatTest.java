package dev.evalbench.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A cost change reads as the change it is: a prompt one token longer over 159 cases changed the cost per case by
 * $0.0000001, which `compare` printed as "+0.000000" beside "p=0.0010" (a real change that read as none).
 */
class MetricFormatTest {
    @Test
    void aCostChangeBelowSixDecimalsKeepsTwoSignificantDigits() {
        assertThat(MetricFormat.delta(1.2345e-7, "usd")).isEqualTo("+$0.00000012");
        assertThat(MetricFormat.delta(-3.4e-7, "usd")).isEqualTo("-$0.00000034");
        assertThat(MetricFormat.deltaInterval(1.0e-7, 1.6e-7, "usd")).isEqualTo("[+$0.00000010, +$0.00000016]");
    }

    @Test
    void largerCostChangesKeepSixDecimalsAndNoiseReadsAsNoChange() {
        assertThat(MetricFormat.delta(0.000123, "usd")).isEqualTo("+$0.000123");
        assertThat(MetricFormat.delta(-0.0025, "usd")).isEqualTo("-$0.002500");
        assertThat(MetricFormat.delta(0, "usd")).isEqualTo("+$0.000000");
        assertThat(MetricFormat.delta(-2e-18, "usd")).isEqualTo("+$0.000000");
    }

    /** Tokens per case group their thousands as the tokens gate's totals do; a change that rounds to none is +0.0. */
    @Test
    void tokensGroupTheirThousandsAsTheTokensGateDoes() {
        assertThat(MetricFormat.value(1199.94, "tokens")).isEqualTo("1,199.9");
        assertThat(MetricFormat.delta(-1234.56, "tokens")).isEqualTo("-1,234.6");
        assertThat(MetricFormat.delta(-0.01, "tokens")).isEqualTo("+0.0");
        assertThat(MetricFormat.deltaInterval(-1500.0, 2.5, "tokens")).isEqualTo("[-1,500.0; +2.5]");
    }
}
