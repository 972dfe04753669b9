package dev.evalbench.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcmaNumberFormatTest {

    /** RFC 8785 Appendix B: IEEE 754 bit patterns and their required serialization. */
    @ParameterizedTest(name = "0x{0} -> {1}")
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2",
    })
    void rfc8785AppendixBVectors(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThat(EcmaNumberFormat.format(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1e30, 1e+30",
            "4.50, 4.5",
            "2e-3, 0.002",
            "0.000001, 0.000001",
            "1e-7, 1e-7",
            "1.0E23, 1e+23",
            "1e21, 1e+21",
            "1e20, 100000000000000000000",
            "123e-20, 1.23e-18",
            "333333333.33333329, 333333333.3333333",
            "0.000000000000000000000000001, 1e-27",
            "6, 6",
            "-1.5, -1.5",
            "100, 100",
            "0.1, 0.1",
            "0.30000000000000004, 0.30000000000000004",
            // Java 17's Double.toString prints 2.82879384806159008E17: not the shortest digits
            "2.82879384806159E17, 282879384806159000",
            "1.7976931348623157e308, 1.7976931348623157e+308",
            "4.9e-324, 5e-324",
    })
    void ecmaScriptNumberToString(String literal, String expected) {
        assertThat(EcmaNumberFormat.format(Double.parseDouble(literal))).isEqualTo(expected);
    }

    @Test
    void negativeZeroIsZero() {
        assertThat(EcmaNumberFormat.format(-0.0)).isEqualTo("0");
    }

    @Test
    void randomDoublesGetTheShortestDigitsThatReadBack() {
        SplittableRandom random = new SplittableRandom(8785);
        for (int i = 0; i < 1500; i++) {
            assertShortestRoundTrip(Double.longBitsToDouble(random.nextLong()));
            // the kind of numbers reports hold: rates, means, latencies
            assertShortestRoundTrip(random.nextInt(1, 1000) / (double) random.nextInt(1, 1000));
            assertShortestRoundTrip(random.nextDouble() * 10_000);
        }
    }

    private static void assertShortestRoundTrip(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) return;
        String text = EcmaNumberFormat.format(value);
        assertThat(Double.parseDouble(text)).as(text).isEqualTo(value);
        BigDecimal digits = new BigDecimal(text).stripTrailingZeros();
        int k = digits.precision();
        if (k > 1) {
            // no decimal with one digit fewer reads back as value: neither neighbour of the exact value
            BigDecimal exact = new BigDecimal(value);
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal shorter = exact.round(new MathContext(k - 1, mode));
                assertThat(Double.parseDouble(shorter.toString())).as("%s is shorter than %s", shorter, text)
                        .isNotEqualTo(value);
            }
        }
    }

    @Test
    void nanAndInfinityAreRefused() {
        assertThatThrownBy(() -> EcmaNumberFormat.format(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> EcmaNumberFormat.format(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> EcmaNumberFormat.format(Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
