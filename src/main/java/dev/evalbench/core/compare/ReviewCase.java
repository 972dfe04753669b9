package dev.evalbench.core.compare;

import dev.evalbench.core.record.CaseAlignment;
import dev.evalbench.core.record.CaseSummary;

/**
 * One case of a review, aligned by id across two runs ({@link CaseAlignment}): {@code key} is the alignment
 * key, {@code before}/{@code after} the compact summaries, null on the side the case is missing. Immutable.
 */
public record ReviewCase(String key, ReviewStatus status, CaseSummary before, CaseSummary after) {
    /** The side that exists, the second run's when both do: what filters and the list read first. */
    public CaseSummary either() {
        return after != null ? after : before;
    }

    public boolean regressed() {
        return status == ReviewStatus.REGRESSED;
    }
}
