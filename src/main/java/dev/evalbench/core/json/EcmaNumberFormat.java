package dev.evalbench.core.json;

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
 * found here from the exact binary value with {@link BigDecimal}: the shortest number of significant digits
 * (at most 17) whose rounding reads back as the same double, found by bisection. Stateless and thread-safe.
 */
public final class EcmaNumberFormat {
    /** 17 significant digits always identify a double uniquely. */
    private static final int MAX_DIGITS = 17;
    private static final double TWO_POW_53 = 9007199254740992.0;

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
        if (value < TWO_POW_53 && value == Math.rint(value)) {
            // Below 2^53 every integer is a double, so no shorter decimal can read back as this one.
            return BigDecimal.valueOf((long) value).stripTrailingZeros();
        }
        BigDecimal exact = new BigDecimal(value);
        // "Some p-digit decimal reads back as value" holds for every p from the shortest length on, so the
        // shortest length can be found by bisection. Java's own digits round-trip, which bounds it above.
        int low = 1;
        int high = Math.min(MAX_DIGITS, javaDigitCount(value));
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (candidate(exact, mid, value) != null) high = mid;
            else low = mid + 1;
        }
        BigDecimal found = candidate(exact, low, value);
        if (found == null) {
            throw new IllegalStateException("no " + low + "-digit decimal reads back as " + exact);
        }
        return found.stripTrailingZeros();
    }

    /**
     * The p-digit decimal that reads back as value and is nearest to it, or null if none does. The interval
     * of decimals that read back as value contains the exact value, so if any p-digit decimal lies in it,
     * the p-digit neighbour below or above the exact value does.
     */
    private static BigDecimal candidate(BigDecimal exact, int p, double value) {
        BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
        if (readsBackAs(nearest, value)) {
            return nearest;
        }
        // Just above a power of two the interval is narrower below value than above it, so the neighbour
        // on the far side can qualify while the nearest one does not.
        BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
        if (readsBackAs(down, value)) return down;
        BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
        if (readsBackAs(up, value)) return up;
        return null;
    }

    private static int javaDigitCount(double value) {
        String text = Double.toString(value);
        int e = text.indexOf('E');
        String mantissa = (e < 0 ? text : text.substring(0, e)).replace(".", "");
        return new BigDecimal(mantissa).stripTrailingZeros().precision();
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
