package dev.evalbench.core.text;

/**
 * An interval as every table of Evalbench writes it: "[0.852, 0.951]"; "[189,869; 192,141]" when an end has a
 * thousands separator, where a comma between the ends would read as four numbers ("[189,869, 192,141]"). The
 * semicolon is ISO 80000-2's separator where the comma is taken. Stateless.
 */
public final class IntervalText {
    private IntervalText() {}

    /** {@code low} and {@code high}, already formatted, between brackets. */
    public static String of(String low, String high) {
        String separator = low.indexOf(',') >= 0 || high.indexOf(',') >= 0 ? "; " : ", ";
        return "[" + low + separator + high + "]";
    }
}
