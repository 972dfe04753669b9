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

    /**
     * Whether both runs answered this case differently, as far as the summaries tell: both output fingerprints
     * known and unequal (a store that predates them says nothing). A case can keep its verdict and change its
     * output; a reviewer of a prompt change reads those too.
     */
    public boolean outputChanged() {
        Long a = before == null ? null : before.outputFingerprint();
        Long b = after == null ? null : after.outputFingerprint();
        return a != null && b != null && !a.equals(b);
    }
}
