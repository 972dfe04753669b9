package dev.evalbench.core.record;

import java.util.List;

/**
 * A run as gates, counts and CI outputs read it: its header and one {@link ScoredCase} per stored case, in
 * stored order, and its events. Built from the compact summaries of the history ({@code RunStore.summaries}), so gating
 * 100,000 cases never reads a message or an output text; or from full records (an exported run, a report).
 * Immutable.
 */
public record RunCases(RunHeader header, List<ScoredCase> cases, List<RunEvent> events) {
    public RunCases {
        cases = List.copyOf(cases);
        events = List.copyOf(events);
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
}
