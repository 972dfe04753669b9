package dev.evalbench.core.record;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A run as gates, counts and CI outputs read it: its header and one {@link ScoredCase} per stored case, in key
 * order ({@link CaseKey#ORDER}), and its events. Built from the compact summaries of the history
 * ({@code RunStore.summaries}), so gating 100,000 cases never reads a message or an output text; or from full
 * records (an exported run, a report). Immutable.
 *
 * <p>Key order, not the order the cases were stored in: that is the order concurrent workers happened to finish
 * them, and a bootstrap draws cases by position, so two runs with the very same outputs got different intervals
 * (the sample's tokens gate: [189,857, 192,205] and [189,859, 192,177]) and a verdict near its threshold could
 * differ between them.
 */
public record RunCases(RunHeader header, List<ScoredCase> cases, List<RunEvent> events) {
    private static final Comparator<ScoredCase> KEY_ORDER = Comparator.comparing(ScoredCase::key, CaseKey.ORDER);

    public RunCases {
        cases = inKeyOrder(cases);
        events = List.copyOf(events);
    }

    /** A copy in key order; a list already in it (a selection of a run) costs one pass. */
    private static List<ScoredCase> inKeyOrder(List<ScoredCase> cases) {
        for (int i = 1; i < cases.size(); i++) {
            if (KEY_ORDER.compare(cases.get(i - 1), cases.get(i)) > 0) {
                ScoredCase[] sorted = cases.toArray(ScoredCase[]::new);
                Arrays.sort(sorted, KEY_ORDER);
                return List.of(sorted);
            }
        }
        return List.copyOf(cases);
    }

    public static RunCases of(StoredRun run) {
        return new RunCases(run.header(), List.copyOf(run.cases()), run.events());
    }

    public static RunCases ofSummaries(RunHeader header, List<CaseSummary> summaries, List<RunEvent> events) {
        return new RunCases(header, List.copyOf(summaries), events);
    }

    public String id() {
        return header.id();
    }

    /**
     * This run's cases within what {@code scope} chose (its suites, case ids and tags; every case when it chose
     * none): a baseline narrowed to what a partial run ran ({@code run --suite triage --baseline main}), so the run
     * is held against the same cases and not against totals of cases it never had.
     */
    public RunCases within(RunConfig scope) {
        if (scope == null || scope.coversAll()) return this;
        return new RunCases(header, scope.chosen(cases), events);
    }
}
