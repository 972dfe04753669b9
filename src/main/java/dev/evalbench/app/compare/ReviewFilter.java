package dev.evalbench.app.compare;

import dev.evalbench.app.results.CaseFilter;
import dev.evalbench.core.compare.ReviewCase;
import dev.evalbench.core.compare.ReviewStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the comparison's filter bar asks for, as one immutable value: the results filter's fields (text,
 * verdict, suite, tag, failure kind; see {@link CaseFilter}), which match a case when EITHER run's side
 * matches, so both runs stay in view; a status (regressed, improved...); and the cases a metric moved
 * ({@code moved}: alignment keys, with its name for the bar). Null or blank means "any". Pure: {@link #apply}
 * runs on a worker thread.
 */
record ReviewFilter(CaseFilter cases, ReviewStatus status, String movedName, Set<String> moved) {
    static final ReviewFilter NONE = new ReviewFilter(CaseFilter.NONE, null, null, null);

    /**
     * The rows that match, in their order.
     *
     * @throws java.util.regex.PatternSyntaxException when the text is a regular expression that does not compile
     */
    List<ReviewCase> apply(List<ReviewCase> rows) {
        Predicate<dev.evalbench.core.record.CaseSummary> side = cases.predicate();
        List<ReviewCase> out = new ArrayList<>();
        for (ReviewCase row : rows) {
            if (status != null && row.status() != status) continue;
            if (moved != null && !moved.contains(row.key())) continue;
            boolean either = (row.before() != null && side.test(row.before())) || (row.after() != null && side.test(row.after()));
            if (either) out.add(row);
        }
        return out;
    }
}
