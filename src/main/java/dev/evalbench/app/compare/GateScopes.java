package dev.evalbench.app.compare;

import dev.evalbench.app.gates.GateCases;
import dev.evalbench.core.compare.ReviewCase;
import dev.evalbench.core.service.ReviewService;
import dev.evalbench.core.workspace.GateSpec;
import dev.evalbench.core.workspace.Workspace;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The cases behind each gate of a comparison, in either run, as the case list's scope that a click on the gate
 * sets: for the schema gate the invalid outputs, for a metric gate the cases the metric scores wrong, for the
 * latency gate the slowest, as the gates panel of one run picks them ({@link GateCases}). A case is in a gate's
 * scope when it is behind the gate in the first run, the second, or both, so a gate that went from pass to FAIL
 * lists the cases that broke it next to the ones that were wrong already (the list puts regressions first).
 * Gates a report recorded, with no workspace to say what they measured, have no scope. Pure; any thread.
 */
final class GateScopes {
    private GateScopes() {}

    /** By gate id; empty when the overview's gates were not computed here (recorded by a report, or none). */
    static Map<String, CompareViewModel.Moved> of(ReviewService.GatedOverview gated, ReviewService.Cases cases) {
        Workspace ws = gated.gatedWith();
        if (ws == null) return Map.of();
        Map<String, CompareViewModel.Moved> scopes = new HashMap<>();
        for (GateSpec gate : ws.gates()) {
            GateCases.Behind before = GateCases.behind(gate, ws, cases.beforeSummaries());
            GateCases.Behind after = GateCases.behind(gate, ws, cases.afterSummaries());
            String which = after.which() != null ? after.which() : before.which();
            if (which == null) continue; // a gate of a kind with no cases to show
            Set<String> keys = new LinkedHashSet<>();
            for (ReviewCase row : cases.cases()) {
                if ((row.before() != null && before.keys().contains(row.before().key()))
                        || (row.after() != null && after.keys().contains(row.after().key()))) {
                    keys.add(row.key());
                }
            }
            String description = keys.isEmpty()
                    ? "No case is behind gate " + gate.id() + " in either run: its cases would be " + which + "."
                    : "The cases behind gate " + gate.id() + " in either run: " + which + ".";
            scopes.put(gate.id(), new CompareViewModel.Moved("gate " + gate.id(), keys.size() == 1 ? "case" : "cases",
                    Set.copyOf(keys), description));
        }
        return Map.copyOf(scopes);
    }
}
