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

    /** A part of a whole: "2 of 159 cases", "1 of 1 case" (the noun agrees with the whole); thousands grouped. */
    public static String partOf(long part, long total, String noun) {
        return String.format(Locale.ROOT, "%,d of %s", part, of(total, noun));
    }

    /** A gate verdict's count: "2 of 9 gates failed", "1 of 1 gate failed". */
    public static String gatesFailed(long failed, long total) {
        return String.format(Locale.ROOT, "%,d of %s failed", failed, of(total, "gate"));
    }

    /**
     * As {@link #gatesFailed(long, long)}, when {@code notRun} of the gates measured nothing (their suites were left
     * out): "1 of 8 gates that ran failed, 1 not run", as {@link #allGatesPass(long, long)} counts them.
     */
    public static String gatesFailed(long failed, long total, long notRun) {
        if (notRun == 0) return gatesFailed(failed, total);
        return String.format(Locale.ROOT, "%,d of %s that ran failed, %,d not run", failed, of(total - notRun, "gate"), notRun);
    }

    /** Every gate passed, as a verdict says it: "all 9 gates pass", "the 1 gate passes". */
    public static String allGatesPass(long total) {
        return total == 1 ? "the 1 gate passes" : "all " + of(total, "gate") + " pass";
    }

    /**
     * As {@link #allGatesPass(long)}, when {@code notRun} of the gates measured nothing (their suites were left
     * out): "all 8 gates that ran pass, 1 not run", never "all 9 gates pass".
     */
    public static String allGatesPass(long total, long notRun) {
        if (notRun == 0) return allGatesPass(total);
        long ran = total - notRun;
        if (ran == 0) return "no gate ran (" + of(notRun, "gate") + " not run)";
        return (ran == 1 ? "the 1 gate that ran passes" : "all " + of(ran, "gate") + " that ran pass") + ", " + notRun
                + " not run";
    }

    /** {@code text} with its first letter a capital, to open a sentence ("All 9 gates pass"). */
    public static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /** {@code text} with its first letter a small one, to go on inside a sentence ("…: not defined by …"). */
    public static String uncapitalized(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** {@code "n case"} or {@code "n cases"}, the count of most sentences. */
    public static String cases(long n) {
        return of(n, "case");
    }
}
