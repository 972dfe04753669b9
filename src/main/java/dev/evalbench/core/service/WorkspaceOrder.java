package dev.evalbench.core.service;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Where a case comes in its workspace: suites in evalbench.yaml's order, cases in their dataset's. Runs store
 * cases as they finish, which concurrency shuffles from one run to the next; lists a person reads (results,
 * flipped cases) use this order instead, so two runs of one workspace list their cases alike. Cases the
 * workspace does not have come after all of them. Thread-safe.
 */
public final class WorkspaceOrder implements ToIntFunction<CaseKey> {
    /** No workspace: every case in the same place (lists then put them in {@code CaseKey.ORDER}). */
    public static final WorkspaceOrder NONE = new WorkspaceOrder(null);

    private final Workspace ws;
    private Map<String, Integer> places;

    private WorkspaceOrder(Workspace ws) {
        this.ws = ws;
        this.places = ws == null ? Map.of() : null;
    }

    /**
     * The order of {@code ws}'s cases; {@link #NONE} for a null workspace. The places are worked out when first
     * asked for: a workspace read for a stored run parses its datasets only then, and a comparison with no case
     * to list (every output unchanged) never asks.
     */
    public static WorkspaceOrder of(Workspace ws) {
        return ws == null ? NONE : new WorkspaceOrder(ws);
    }

    /** The case's place; {@link Integer#MAX_VALUE} for a case the workspace does not have (0 for {@link #NONE}). */
    @Override
    public int applyAsInt(CaseKey key) {
        Map<String, Integer> known = places();
        if (known.isEmpty()) return 0;
        return known.getOrDefault(key(key.suite(), key.caseId()), Integer.MAX_VALUE);
    }

    private synchronized Map<String, Integer> places() {
        if (places == null) {
            Map<String, Integer> found = new HashMap<>();
            for (SuiteSpec suite : ws.suites()) {
                for (EvalCase c : suite.cases()) found.putIfAbsent(key(suite.name(), c.id()), found.size());
            }
            places = found;
        }
        return places;
    }

    private static String key(String suite, String caseId) {
        return suite + '\u0000' + caseId;
    }
}
