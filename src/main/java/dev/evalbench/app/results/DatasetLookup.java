package dev.evalbench.app.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.service.WorkspaceOrder;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A case's dataset entry (its tags, input variables and place) by suite and case id, from one workspace. Runs
 * stored before records carried their tags get them here; the detail pane reads input variables here; results
 * list cases in the workspace's order. Built once per workspace, then read-only and thread-safe. An empty lookup
 * answers nothing.
 */
public final class DatasetLookup {
    public static final DatasetLookup EMPTY = new DatasetLookup(null);
    private final Map<String, EvalCase> cases = new HashMap<>();
    private final WorkspaceOrder order;

    public DatasetLookup(Workspace ws) {
        order = WorkspaceOrder.of(ws);
        if (ws == null) return;
        for (SuiteSpec suite : ws.suites()) {
            for (EvalCase c : suite.cases()) cases.put(suite.name() + '\u0000' + c.id(), c);
        }
    }

    /**
     * Where the case comes in the workspace ({@link WorkspaceOrder}): suites in evalbench.yaml's order, cases in
     * their dataset's, cases this workspace does not have after all of them; the empty lookup puts every case in
     * one place.
     */
    public int place(CaseKey key) {
        return order.applyAsInt(key);
    }

    public List<String> tags(CaseKey key) {
        EvalCase c = cases.get(key.suite() + '\u0000' + key.caseId());
        return c == null || c.tags() == null ? List.of() : c.tags();
    }

    /** The case's input variables, or null when this workspace does not have the case. */
    public JsonNode vars(CaseKey key) {
        EvalCase c = cases.get(key.suite() + '\u0000' + key.caseId());
        return c == null ? null : c.vars();
    }
}
