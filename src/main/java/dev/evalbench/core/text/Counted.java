package dev.evalbench.core.text;

import java.util.Locale;

/**
 * A count and its noun in agreement, as people write it: "1 case", "0 cases", "1,204 cases". For every sentence
 * a person reads (terminal, reports, the window), so that a workspace of one case does not read "1 cases".
 * Stateless.
 */
public final class Counted {
    private Counted() {}

    /** {@code n} and {@code noun}, plural ({@code noun + "s"}) unless {@code n} is 1; thousands grouped. */
    public static String of(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : noun + "s");
    }

    /** {@code "n case"} or {@code "n cases"}, the count of most sentences. */
    public static String cases(long n) {
        return of(n, "case");
    }
}
