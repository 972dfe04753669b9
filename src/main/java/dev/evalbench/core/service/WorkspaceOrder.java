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
 * workspace does not have come after all of them. Immutable; thread-safe.
 */
public final class WorkspaceOrder implements ToIntFunction<CaseKey> {
    /** No workspace: every case in the same place, so a stable sort keeps the order it was given. */
    public static final WorkspaceOrder NONE = new WorkspaceOrder(Map.of());

    private final Map<String, Integer> places;

    private WorkspaceOrder(Map<String, Integer> places) {
        this.places = places;
    }

    /** The order of {@code ws}'s cases; {@link #NONE} for a null workspace. */
    public static WorkspaceOrder of(Workspace ws) {
        if (ws == null) return NONE;
        Map<String, Integer> places = new HashMap<>();
        for (SuiteSpec suite : ws.suites()) {
            for (EvalCase c : suite.cases()) places.putIfAbsent(key(suite.name(), c.id()), places.size());
        }
        return new WorkspaceOrder(places);
    }

    /** The case's place; {@link Integer#MAX_VALUE} for a case the workspace does not have (0 for {@link #NONE}). */
    @Override
    public int applyAsInt(CaseKey key) {
        if (places.isEmpty()) return 0;
        return places.getOrDefault(key(key.suite(), key.caseId()), Integer.MAX_VALUE);
    }

    private static String key(String suite, String caseId) {
        return suite + '\u0000' + caseId;
    }
}
