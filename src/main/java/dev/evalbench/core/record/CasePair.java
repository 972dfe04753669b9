package dev.evalbench.core.record;


/** The same case in two runs; either side is null when the case exists in one run only. */
public record CasePair(String key, CaseRecord before, CaseRecord after) {
    public boolean flippedToFail() {
        return before != null && after != null && before.passed() && !after.passed();
    }

    public boolean flippedToPass() {
        return before != null && after != null && !before.passed() && after.passed();
    }
}
