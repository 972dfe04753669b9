package dev.evalbench.core.compare;

import dev.evalbench.core.record.StoredRun;
import java.util.List;

/**
 * Two runs compared case by case: what changed in their version tuples (with the template text diff of
 * changed prompts), the cases that differ (verdict flips first: pass → fail, then fail → pass; see
 * {@link CaseChange.Kind}), metric deltas with paired statistics and gate deltas. {@code before} is the
 * baseline side ("A" of {@code evalbench compare A B}). Built by {@link ComparisonBuilder}; immutable.
 */
public record RunComparison(
        StoredRun before,
        StoredRun after,
        VersionDiff versions,
        List<TemplateDiff> templates,
        List<CaseChange> cases,
        int matchedCases,
        List<MetricDelta> metrics,
        List<GateDelta> gates) {

    public RunComparison {
        templates = List.copyOf(templates);
        cases = List.copyOf(cases);
        metrics = List.copyOf(metrics);
        gates = List.copyOf(gates);
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
