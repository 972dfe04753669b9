package dev.evalbench.core.compare;

import dev.evalbench.core.record.CaseAlignment;
import dev.evalbench.core.record.CaseRecord;

/**
 * A case that differs between two runs: its verdict flipped, its output changed, or it is in one run only.
 * {@code key} is the alignment key ({@link CaseAlignment}); {@code before}/{@code after} are null on the side
 * the case is missing, and so is {@code diff} then. {@code diff} compares {@link OutputText}s. A flip that a
 * comparison made for the terminal does not show has neither record nor diff ({@link SummaryComparison}).
 */
public record CaseChange(Kind kind, String key, CaseRecord before, CaseRecord after, OutputDiff diff) {
    /** In the order a comparison lists them: regressions first. */
    public enum Kind {
        PASS_TO_FAIL("pass → fail"),
        FAIL_TO_PASS("fail → pass"),
        OUTPUT_CHANGED("output changed"),
        ONLY_BEFORE("only in the first run"),
        ONLY_AFTER("only in the second run");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean flipped() {
        return kind == Kind.PASS_TO_FAIL || kind == Kind.FAIL_TO_PASS;
    }

    /** Whether the case flipped though both runs wrote the same output. */
    public boolean flippedWithSameOutput() {
        return flipped() && diff != null && !diff.changed();
    }

    /**
     * What such a flip says in place of a diff ({@link ExpectedChange#sameOutputSentence}), or null when the case
     * did not flip with the same output.
     */
    public String sameOutputSentence() {
        return flippedWithSameOutput() ? ExpectedChange.sameOutputSentence(before, after) : null;
    }
}
