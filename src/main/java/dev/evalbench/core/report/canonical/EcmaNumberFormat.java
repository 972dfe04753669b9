package dev.evalbench.core.report.canonical;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double the way ECMAScript's {@code Number.prototype.toString()} does, which is the number form
 * RFC 8785 (section 3.2.2.3) requires: the shortest decimal digits that read back as the same double, plain
 * notation for magnitudes in [1e-6, 1e21), exponent notation ({@code 1e+21}, {@code 1e-7}) outside it,
 * no {@code ".0"} on integers, and {@code "0"} for negative zero.
 *
 * <p>Java's {@code Double.toString} cannot be used for the digits: on JDK 17 it is not always the shortest
 * ({@code 1.0E23} prints as {@code 9.999999999999999E22}, {@code 5e-324} as {@code 4.9E-324}). The digits are
 * found here from the exact binary value with {@link BigDecimal}, trying 1, 2, ... 17 significant digits and
 * keeping the first length that round-trips. Stateless and thread-safe.
 */
public final class EcmaNumberFormat {
    /** 17 significant digits always identify a double uniquely. */
    private static final int MAX_DIGITS = 17;

    private EcmaNumberFormat() {}

    /**
     * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot carry
     */
    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(value + " is not a JSON number (RFC 8785 forbids NaN and Infinity)");
        }
        if (value == 0.0) {
            return "0"; // both +0 and -0
        }
        if (value < 0) {
            return "-" + format(-value);
        }
        BigDecimal digits = shortestDigits(value);
        String s = digits.unscaledValue().toString(); // k digits, no trailing zeros
        int k = s.length();
        int n = k - digits.scale(); // value = s * 10^(n - k)
        return layout(s, k, n);
    }

    /**
     * The decimal with the fewest significant digits that parses back to {@code value}; among those of that
     * length, the one closest to the exact value, ties to the even digit string (ECMA-262, Number::toString).
     */
    private static BigDecimal shortestDigits(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int p = 1; p <= MAX_DIGITS; p++) {
            BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (readsBackAs(nearest, value)) {
                return nearest.stripTrailingZeros();
            }
            // Just above a power of two the interval that reads back as value is narrower below it than above,
            // so a p-digit decimal above value can qualify while the nearest one (below) does not.
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
            if (readsBackAs(up, value)) {
                return up.stripTrailingZeros();
            }
            if (readsBackAs(down, value)) {
                return down.stripTrailingZeros();
            }
        }
        throw new IllegalStateException("no " + MAX_DIGITS + "-digit decimal reads back as " + exact);
    }

    private static boolean readsBackAs(BigDecimal candidate, double value) {
        // Double.parseDouble rounds correctly; BigDecimal.doubleValue is not guaranteed to on every JDK 17 build.
        return Double.parseDouble(candidate.toString()) == value;
    }

    /** ECMA-262 Number::toString steps 6 to 10, for a positive value with digit string s of length k. */
    private static String layout(String s, int k, int n) {
        StringBuilder out = new StringBuilder(k + 8);
        if (k <= n && n <= 21) {
            out.append(s).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(s, 0, n).append('.').append(s, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(s);
        } else {
            int exponent = n - 1;
            out.append(s.charAt(0));
            if (k > 1) {
                out.append('.').append(s, 1, k);
            }
            out.append('e').append(exponent >= 0 ? '+' : '-').append(Math.abs(exponent));
        }
        return out.toString();
    }
}
