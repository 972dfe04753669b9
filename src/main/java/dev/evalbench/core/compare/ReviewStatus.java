package dev.evalbench.core.compare;

/**
 * How one case moved between two runs, by its verdict, in the order a review lists them: regressions first,
 * then improvements, then cases in one run only, then those that kept their verdict with another output (a prompt
 * change reworded them: a reviewer reads those too), then the unchanged.
 */
public enum ReviewStatus {
    REGRESSED("regressed"),
    IMPROVED("improved"),
    ONLY_BEFORE("only in the first run"),
    ONLY_AFTER("only in the second run"),
    OTHER_OUTPUT("another output"),
    UNCHANGED("unchanged");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    /** The word people read beside the case. */
    public String label() {
        return label;
    }
}
