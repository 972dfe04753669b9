package dev.evalbench.app.compare;

import dev.evalbench.app.gates.GateCases;
import dev.evalbench.core.compare.ReviewCase;
import dev.evalbench.core.gate.GateRoutes;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.service.ReviewService;
import dev.evalbench.core.workspace.GateSpec;
import dev.evalbench.core.workspace.Workspace;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
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

    /**
     * By gate id; empty when the overview's gates were not computed here (recorded by a report, or none). A run of
     * several routes is gated per route ("schema@openai"): each such verdict has its route's cases as its scope.
     */
    static Map<String, CompareViewModel.Moved> of(ReviewService.GatedOverview gated, ReviewService.Cases cases) {
        Workspace ws = gated.gatedWith();
        if (ws == null) return Map.of();
        Set<String> routes = new java.util.TreeSet<>();
        cases.beforeSummaries().forEach(c -> routes.add(c.key().route()));
        cases.afterSummaries().forEach(c -> routes.add(c.key().route()));
        Map<String, CompareViewModel.Moved> scopes = new HashMap<>();
        for (GateSpec gate : ws.gates()) {
            scope(gate, gate.id(), ws, cases, null).ifPresent(m -> scopes.put(gate.id(), m));
            if (routes.size() < 2) continue;
            for (String route : routes) {
                String id = GateRoutes.id(gate.id(), route);
                scope(gate, id, ws, cases, route).ifPresent(m -> scopes.put(id, m));
            }
        }
        return Map.copyOf(scopes);
    }

    /** The cases behind {@code gate} (of {@code route} alone, when not null) in either run, named as {@code id}. */
    private static java.util.Optional<CompareViewModel.Moved> scope(GateSpec gate, String id, Workspace ws,
                                                                     ReviewService.Cases cases, String route) {
        GateCases.Behind before = GateCases.behind(gate, ws, ofRoute(cases.beforeSummaries(), route));
        GateCases.Behind after = GateCases.behind(gate, ws, ofRoute(cases.afterSummaries(), route));
        String which = after.which() != null ? after.which() : before.which();
        if (which == null) return java.util.Optional.empty(); // a gate of a kind with no cases to show
        Set<String> keys = new LinkedHashSet<>();
        for (ReviewCase row : cases.cases()) {
            if ((row.before() != null && before.keys().contains(row.before().key()))
                    || (row.after() != null && after.keys().contains(row.after().key()))) {
                keys.add(row.key());
            }
        }
        String description = keys.isEmpty()
                ? "No case is behind gate " + id + " in either run: its cases would be " + which + "."
                : "The cases behind gate " + id + " in either run: " + which + ".";
        return java.util.Optional.of(new CompareViewModel.Moved("gate " + id, keys.size() == 1 ? "case" : "cases",
                Set.copyOf(keys), description));
    }

    private static List<CaseSummary> ofRoute(List<CaseSummary> summaries, String route) {
        return route == null ? summaries : summaries.stream().filter(c -> c.key().route().equals(route)).toList();
    }
}
