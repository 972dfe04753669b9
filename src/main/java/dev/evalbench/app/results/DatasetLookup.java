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
 * list cases in the workspace's order. Cheap to make: the FX thread makes one as a tab opens, and the cases are
 * read when first asked for, by the task that lists or details them (a large dataset's cases are parsed as they
 * are read). Thread-safe. An empty lookup answers nothing.
 */
public final class DatasetLookup {
    public static final DatasetLookup EMPTY = new DatasetLookup(null);
    private final Workspace ws;
    private final WorkspaceOrder order;
    private Map<String, EvalCase> cases;

    public DatasetLookup(Workspace ws) {
        this(ws, ws);
    }

    private DatasetLookup(Workspace cases, Workspace order) {
        this.ws = cases;
        this.order = WorkspaceOrder.of(order);
    }

    /**
     * A lookup that places cases in {@code ws}'s order and knows none of its cases: for a run read from a file,
     * which may come from another revision of the workspace, listed in the open one's order but never shown
     * this one's inputs or tags as its own.
     */
    public static DatasetLookup orderOnly(Workspace ws) {
        return new DatasetLookup(null, ws);
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
        EvalCase c = cases().get(key.suite() + '\u0000' + key.caseId());
        return c == null || c.tags() == null ? List.of() : c.tags();
    }

    /** The case's input variables, or null when this workspace does not have the case. */
    public JsonNode vars(CaseKey key) {
        EvalCase c = cases().get(key.suite() + '\u0000' + key.caseId());
        return c == null ? null : c.vars();
    }

    private synchronized Map<String, EvalCase> cases() {
        if (cases == null) {
            Map<String, EvalCase> byKey = new HashMap<>();
            if (ws != null) {
                for (SuiteSpec suite : ws.suites()) {
                    for (EvalCase c : suite.cases()) byKey.put(suite.name() + '\u0000' + c.id(), c);
                }
            }
            cases = byKey;
        }
        return cases;
    }
}
