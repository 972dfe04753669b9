package dev.evalbench.core.record;


/**
 * The same case in two runs; either side is null when the case exists in one run only. {@code T} is the full
 * record or its summary, whichever the reader loaded.
 */
public record CasePair<T extends ScoredCase>(String key, T before, T after) {
    public boolean flippedToFail() {
        return before != null && after != null && before.passed() && !after.passed();
    }

    public boolean flippedToPass() {
        return before != null && after != null && !before.passed() && after.passed();
    }
}
