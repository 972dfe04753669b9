package dev.evalbench.core.gate.stats;

import java.util.Locale;

/**
 * How every output writes a p-value: four decimals, or "<0.0001" below that. The gate table, the gate sentences,
 * a comparison's metrics, JUnit XML and the canary's lines say the same value the same way ("p = 0.000" in one
 * place and "< 0.0001" in another was one of issue 11's complaints; the canary wrote "p=8.69e-46").
 */
public final class PValueText {
    private PValueText() {}

    /** "0.0215", "1.0000", "<0.0001". */
    public static String digits(double p) {
        return p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /** In a sentence without spaces around the sign: "p=0.0215", "p<0.0001". */
    public static String compact(double p) {
        String d = digits(p);
        return d.startsWith("<") ? "p" + d : "p=" + d;
    }

    /** In a sentence with spaces around the sign: "p = 0.0215", "p < 0.0001". */
    public static String spaced(double p) {
        String d = digits(p);
        return d.startsWith("<") ? "p < " + d.substring(1) : "p = " + d;
    }
}
