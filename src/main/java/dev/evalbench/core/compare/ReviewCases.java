package dev.evalbench.core.compare;

import dev.evalbench.core.record.CaseAlignment;
import dev.evalbench.core.record.CasePair;
import dev.evalbench.core.record.CaseSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every case of two runs aligned by id and marked by how its verdict moved, or that its output did
 * ({@link ReviewStatus}), from the compact summaries only, so two 10,000-case runs are aligned without reading a
 * single output. Ordered by status (regressions first, then improvements), and within a status in the order given (the workspace's),
 * then in {@link dev.evalbench.core.record.CaseKey#ORDER}. Pure.
 */
public final class ReviewCases {
    private ReviewCases() {}

    public static List<ReviewCase> between(List<CaseSummary> before, List<CaseSummary> after) {
        return between(before, after, key -> 0);
    }

    /** As {@link #between(List, List)}, within a status in the order {@code place} gives (the workspace's). */
    public static List<ReviewCase> between(List<CaseSummary> before, List<CaseSummary> after,
                                           java.util.function.ToIntFunction<dev.evalbench.core.record.CaseKey> place) {
        List<ReviewCase> cases = new ArrayList<>(Math.max(before.size(), after.size()));
        List<CasePair<CaseSummary>> aligned = CaseAlignment.<CaseSummary>align(before, after);
        for (CasePair<CaseSummary> pair : SummaryComparison.inOrder(aligned, place)) {
            cases.add(new ReviewCase(pair.key(), status(pair), pair.before(), pair.after()));
        }
        // stable: that order stays within each status
        cases.sort(Comparator.comparing(ReviewCase::status));
        return List.copyOf(cases);
    }

    static ReviewStatus status(CasePair<CaseSummary> pair) {
        if (pair.before() == null) return ReviewStatus.ONLY_AFTER;
        if (pair.after() == null) return ReviewStatus.ONLY_BEFORE;
        if (pair.flippedToFail()) return ReviewStatus.REGRESSED;
        if (pair.flippedToPass()) return ReviewStatus.IMPROVED;
        // Known only when both summaries carry a fingerprint (a store that predates them says nothing).
        Long a = pair.before().outputFingerprint();
        Long b = pair.after().outputFingerprint();
        return a != null && b != null && !a.equals(b) ? ReviewStatus.OTHER_OUTPUT : ReviewStatus.UNCHANGED;
    }
}
