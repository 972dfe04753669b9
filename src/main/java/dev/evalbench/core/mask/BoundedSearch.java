package dev.evalbench.core.mask;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search with a policy's regex over a model's text, with its work bounded by the text's length. The patterns
 * are the author's and the texts the model's, and Java's regex engine backtracks: an e-mail pattern as commonly
 * written ({@code [A-Za-z0-9._%+-]+@...}) takes time growing with the square of a run of letters, 33 s on 100,000
 * of them and hours on the 1 MB a route accepts, and a model that repeats itself writes such runs. The work is
 * counted in characters read ({@link CharSequence#charAt}); past {@value #STEPS_PER_CHAR} a character of the text
 * (at least {@value #MIN_STEPS}), the search ends with {@link Exhausted}, and the caller fails closed (treats the
 * text as holding what it could not rule out). The count is of reads, not time, so the outcome is the same on
 * every machine and every run. A pattern that reads each character a bounded number of times (a lookbehind at its
 * start, possessive runs) never reaches the bound. The engine also recurses once per repetition of a group with
 * alternatives ({@code (a|b)*}), so a long text can overflow the thread's stack: {@link #run} turns that into
 * {@link Exhausted} too, the stack having unwound. Stateless; each matcher is for one thread.
 */
public final class BoundedSearch {
    /** Reads a search may make per character of its text; linear patterns make a handful. */
    public static final long STEPS_PER_CHAR = 256;
    /** Reads allowed however short the text, so a short text never ends a search early. */
    public static final long MIN_STEPS = 1_000_000;

    private BoundedSearch() {}

    /**
     * A matcher of {@code pattern} over {@code text} whose {@code find}, {@code matches} and the like throw
     * {@link Exhausted} once all of them together have read more than the text's bound.
     */
    public static Matcher matcher(Pattern pattern, String text) {
        return pattern.matcher(new CountedText(text, bound(text.length())));
    }

    /** Whether {@code pattern} occurs in {@code text}. @throws Exhausted when the search read past its bound */
    public static boolean find(Pattern pattern, String text) {
        return run(text.length(), () -> matcher(pattern, text).find());
    }

    /**
     * Runs {@code search}, the work of one or more {@link #matcher}s over a text of {@code textLength} characters,
     * with a stack overflow in the regex engine reported as {@link Exhausted}.
     */
    public static <T> T run(int textLength, java.util.function.Supplier<T> search) {
        try {
            return search.get();
        } catch (StackOverflowError e) {
            throw new Exhausted(textLength, String.format(java.util.Locale.ROOT, "the pattern recursed deeper than the "
                    + "thread's stack allows on a text of %,d characters and was stopped: a repeated group with "
                    + "alternatives recurses once a repetition (write (a|b)* as [ab]*)", textLength));
        }
    }

    /** How many reads a search of a text of {@code length} characters may make. */
    static long bound(int length) {
        return Math.max(MIN_STEPS, STEPS_PER_CHAR * length);
    }

    /** A search that read more than its bound; says what a reader needs to fix the pattern. */
    public static final class Exhausted extends RuntimeException {
        private final int textLength;

        Exhausted(int textLength) {
            this(textLength, String.format(java.util.Locale.ROOT,
                    "the pattern read a text of %,d characters more than %,d times a character and was stopped: "
                            + "it backtracks (anchor its start, e.g. with a lookbehind, or make its runs possessive)",
                    textLength, STEPS_PER_CHAR));
        }

        Exhausted(int textLength, String message) {
            super(message, null, false, false);
            this.textLength = textLength;
        }

        /** The length of the text that could not be searched. */
        public int textLength() {
            return textLength;
        }
    }

    /** The text as the regex engine reads it, counting the reads. */
    private static final class CountedText implements CharSequence {
        private final String text;
        private long left;

        CountedText(String text, long bound) {
            this.text = text;
            this.left = bound;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) throw new Exhausted(text.length());
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end); // what a group or a replacement reads: not the search's work
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
