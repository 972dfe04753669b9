package dev.evalbench.core.compare;

import dev.evalbench.core.record.CaseAlignment;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateRoutes;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.gate.ci.UnansweredGates;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.store.StoreException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link RunComparison} from stored records only: no model is called. Gate verdicts are the caller's
 * (the gate evaluator needs the workspace's gates); without them the comparison has no gate deltas. Single use,
 * not thread-safe; the result is immutable.
 */
public final class ComparisonBuilder {
    private final StoredRun before;
    private final StoredRun after;
    private GateReport beforeGates;
    private GateReport afterGates;
    private SnapshotSource snapshots = SnapshotSource.NONE;
    private java.util.function.ToIntFunction<dev.evalbench.core.record.CaseKey> place = key -> 0;

    /** @param before the baseline side; @param after the run compared with it */
    public ComparisonBuilder(StoredRun before, StoredRun after) {
        this.before = Objects.requireNonNull(before, "before");
        this.after = Objects.requireNonNull(after, "after");
    }

    /**
     * @param beforeGates {@code before} gated on its own
     * @param afterGates  {@code after} gated with {@code before} as its baseline
     */
    public ComparisonBuilder gates(GateReport beforeGates, GateReport afterGates) {
        this.beforeGates = beforeGates;
        this.afterGates = afterGates;
        return this;
    }

    /** Where template texts are found by hash; without it template diffs say the text is unavailable. */
    public ComparisonBuilder snapshots(SnapshotSource snapshots) {
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        return this;
    }

    /** The order changed cases are listed in within a kind (the workspace's); without it, the first run's. */
    public ComparisonBuilder order(java.util.function.ToIntFunction<dev.evalbench.core.record.CaseKey> place) {
        this.place = Objects.requireNonNull(place, "place");
        return this;
    }

    /** @throws StoreException when the snapshot source cannot be read */
    public RunComparison build() throws StoreException {
        return new RunComparison(before, after,
                EvalSetEdits.annotate(VersionDiff.between(before, after), before, after, snapshots, before.cases(),
                        after.cases()),
                TemplateDiffs.between(before, after, snapshots),
                CaseChanges.between(before.cases(), after.cases(), place),
                CaseAlignment.matched(before.cases(), after.cases()).size(),
                MetricDeltas.between(RunCases.of(before), RunCases.of(after)),
                gateDeltas(RunCases.of(before), beforeGates, RunCases.of(after), afterGates));
    }

    /**
     * One delta per gate id of either report, in the order the reports list them; either report may be null. Each
     * side's verdicts that measured an outage of its run ({@code before}, {@code after}: the cases they were gated on,
     * with the run's events) are marked so ({@link UnansweredGates}). A run of one route compared with a run of
     * several has its gates paired with that route's ("schema" with "schema@offline"), in the other run's order:
     * listed apart, each read "not gated" on the other side and no change could be read.
     */
    static List<GateDelta> gateDeltas(RunCases before, GateReport beforeGates, RunCases after, GateReport afterGates) {
        UnansweredGates beforeUnanswered = beforeGates == null ? UnansweredGates.NONE : UnansweredGates.of(before);
        UnansweredGates afterUnanswered = afterGates == null ? UnansweredGates.NONE : UnansweredGates.of(after);
        String beforeAs = soleRoute(before, beforeGates, afterGates);
        String afterAs = soleRoute(after, afterGates, beforeGates);
        Map<String, GateVerdict[]> byId = new LinkedHashMap<>();
        if (beforeAs != null) {
            put(byId, afterGates, 1, null);
            put(byId, beforeGates, 0, beforeAs);
        } else {
            put(byId, beforeGates, 0, null);
            put(byId, afterGates, 1, afterAs);
        }
        List<GateDelta> deltas = new ArrayList<>();
        byId.forEach((id, pair) -> deltas.add(new GateDelta(id, pair[0], pair[1],
                pair[0] != null && beforeUnanswered.of(pair[0]), pair[1] != null && afterUnanswered.of(pair[1]))));
        return deltas;
    }

    /** {@code gates}' verdicts as side {@code side} of their pairs, named for {@code route} when it is not null. */
    private static void put(Map<String, GateVerdict[]> byId, GateReport gates, int side, String route) {
        if (gates == null) return;
        for (GateVerdict v : gates.verdicts()) {
            String id = route == null ? v.id() : GateRoutes.id(v.id(), route);
            byId.computeIfAbsent(id, k -> new GateVerdict[2])[side] = v;
        }
    }

    /**
     * The one route of {@code run}, when its gates ({@code own}) are named for the whole run and the other run's
     * ({@code other}) per route; else null.
     */
    private static String soleRoute(RunCases run, GateReport own, GateReport other) {
        if (own == null || other == null) return null;
        if (own.verdicts().stream().anyMatch(v -> GateRoutes.routeOf(v.id()) != null)) return null;
        if (other.verdicts().stream().noneMatch(v -> GateRoutes.routeOf(v.id()) != null)) return null;
        List<String> routes = GateRoutes.of(run);
        return routes.size() == 1 ? routes.get(0) : null;
    }
}
