package dev.evalbench.core.compare;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.store.StoreException;
import java.util.List;

/**
 * What changed between two runs above the level of single cases: the version-tuple diff with the template
 * diffs of changed prompts, the metric deltas with their paired tests, and the gate deltas. The part of a
 * comparison a review shows above its case list; built apart from the cases ({@link ReviewCases}) because
 * the bootstrap intervals take longer than aligning the cases. {@code gatesFrom} says where the gates came
 * from, or why there are none; {@code incomplete} why each incomplete run of the two is so (see
 * {@link RunComparison#incompleteRuns}). Immutable.
 */
public record ChangeOverview(VersionDiff versions, List<TemplateDiff> templates, List<MetricDelta> metrics,
                             List<GateDelta> gates, String gatesFrom, List<String> incomplete) {
    public ChangeOverview {
        incomplete = List.copyOf(incomplete);
        templates = List.copyOf(templates);
        metrics = List.copyOf(metrics);
        gates = List.copyOf(gates);
    }

    /**
     * {@link #gatesFrom}, and when the gates file changed between the runs, that both were held to the second's (the
     * first run's own verdicts were other ones): "… (both runs held to them; they changed since the first run: the
     * gates' diff is above)".
     */
    public String gatesFromInWords() {
        if (gatesFrom == null || !versions.changed(VersionComponent.GATES)) return gatesFrom;
        return gatesFrom + " (both runs held to them; they changed since the first run: the gates' diff is above)";
    }

    /**
     * @param beforeTuples a run whose cases carry every distinct version tuple of the first run (one record per
     *                     suite, prompt and route is enough: the tuple diff reads only the tuples)
     * @param afterTuples  the same of the second run
     * @param before       the first run's cases as gates read them (summaries)
     * @param after        the second run's
     * @param beforeGates  the first run gated on its own, or null without gates
     * @param afterGates   the second run gated against the first, or null
     * @throws StoreException when the snapshot source cannot be read
     */
    public static ChangeOverview of(StoredRun beforeTuples, StoredRun afterTuples, RunCases before, RunCases after,
                                    SnapshotSource snapshots, GateReport beforeGates, GateReport afterGates,
                                    String gatesFrom) throws StoreException {
        return new ChangeOverview(EvalSetEdits.annotate(VersionDiff.between(beforeTuples, afterTuples), beforeTuples, afterTuples,
                snapshots, before.cases(), after.cases()),
                TemplateDiffs.between(beforeTuples, afterTuples, snapshots),
                MetricDeltas.between(before, after),
                ComparisonBuilder.gateDeltas(before, beforeGates, after, afterGates), gatesFrom,
                IncompleteRuns.of(before.header(), before.events(), after.header(), after.events()));
    }
}
