package dev.evalbench.core.text;

import java.util.Locale;

/**
 * Milliseconds as the gates, comparisons and reports show them: whole, grouped by thousands as the results table
 * and every count are ("1,196 ms"; the gates said "1010 ms" beside a table's "1,196 ms"). Pure.
 */
public final class Millis {
    private Millis() {}

    /** "450 ms", "2,000 ms". */
    public static String of(double ms) {
        return String.format(Locale.ROOT, "%,.0f ms", ms);
    }

    /** "+288 ms", "-1,200 ms": a change. */
    public static String signed(double ms) {
        return String.format(Locale.ROOT, "%+,.0f ms", ms);
    }
}
