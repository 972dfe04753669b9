package dev.evalbench.core.compare;

import dev.evalbench.core.record.StoredRun;
import java.util.List;

/**
 * Two runs compared case by case: what changed in their version tuples (with the template text diff of
 * changed prompts), the cases that differ (verdict flips first: pass → fail, then fail → pass; see
 * {@link CaseChange.Kind}), metric deltas with paired statistics and gate deltas. {@code before} is the
 * baseline side ("A" of {@code evalbench compare A B}). Built by {@link ComparisonBuilder} (from full records:
 * {@code before} and {@code after} hold every case) or by {@link SummaryComparison} (from summaries: they hold
 * the records of the changed cases only); {@code beforeTally} and {@code afterTally} count every case either
 * way. {@code scope} says which cases were left out so that both runs are compared on the same cases (a partial
 * run against a whole one): everything but the gates is of the cases within it. Immutable.
 */
public record RunComparison(
        StoredRun before,
        StoredRun after,
        VersionDiff versions,
        List<TemplateDiff> templates,
        List<CaseChange> cases,
        int matchedCases,
        List<MetricDelta> metrics,
        List<GateDelta> gates,
        RunTally beforeTally,
        RunTally afterTally,
        ComparedScope scope) {

    /** A comparison of runs that chose the same cases. */
    public RunComparison(StoredRun before, StoredRun after, VersionDiff versions, List<TemplateDiff> templates,
                         List<CaseChange> cases, int matchedCases, List<MetricDelta> metrics, List<GateDelta> gates,
                         RunTally beforeTally, RunTally afterTally) {
        this(before, after, versions, templates, cases, matchedCases, metrics, gates, beforeTally, afterTally,
                ComparedScope.WHOLE);
    }

    /** A comparison whose runs hold every case: the tallies are counted from them. */
    public RunComparison(StoredRun before, StoredRun after, VersionDiff versions, List<TemplateDiff> templates,
                         List<CaseChange> cases, int matchedCases, List<MetricDelta> metrics, List<GateDelta> gates) {
        this(before, after, versions, templates, cases, matchedCases, metrics, gates, RunTally.of(before.cases()),
                RunTally.of(after.cases()));
    }

    public RunComparison {
        scope = scope == null ? ComparedScope.WHOLE : scope;
        templates = List.copyOf(templates);
        cases = List.copyOf(cases);
        metrics = List.copyOf(metrics);
        gates = List.copyOf(gates);
    }

    /** This comparison, saying which cases were left out to compare the runs on the same ones. */
    public RunComparison within(ComparedScope scope) {
        return new RunComparison(before, after, versions, templates, cases, matchedCases, metrics, gates, beforeTally,
                afterTally, scope);
    }

    /**
     * Of each run that stands incomplete, first run first, why, for people: "run X: unsent: 159 cases not sent: the
     * breaker of route openai was open; the run is incomplete and resume sends them" (the words its own output closes
     * with), or "run X: stopped before it finished; resume sends the cases left". A comparison with an incomplete run
     * compares the cases it stored: the reader is told so before reading its figures.
     */
    public List<String> incompleteRuns() {
        return IncompleteRuns.of(before.header(), before.events(), after.header(), after.events());
    }

    public List<CaseChange> ofKind(CaseChange.Kind kind) {
        return cases.stream().filter(c -> c.kind() == kind).toList();
    }

    /** Pass → fail, then fail → pass. */
    public List<CaseChange> flips() {
        return cases.stream().filter(CaseChange::flipped).toList();
    }

    public long count(CaseChange.Kind kind) {
        return cases.stream().filter(c -> c.kind() == kind).count();
    }
}
