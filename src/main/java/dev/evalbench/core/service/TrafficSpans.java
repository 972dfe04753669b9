package dev.evalbench.core.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.otlp.Captures;
import dev.evalbench.core.otlp.SpanExport;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored run sent as spans ({@code run --otlp}, {@code traffic export}): masked first, as every byte that leaves
 * the machine is ({@link OutboundMasks}), with a traffic run's captured template variables read back from its
 * capture snapshot and masked too. Blocking; the store stays the caller's.
 */
public final class TrafficSpans {
    private TrafficSpans() {}

    /** @param current the workspace in use, or null (the run's own snapshots still mask) */
    public static SpanExport.Result send(StoredRun raw, Workspace current, RunStore store, Map<String, String> env, String target)
            throws StoreException, WorkspaceException {
        OutboundMask mask = OutboundMasks.of(current, store, env, raw);
        Map<String, ObjectNode> vars = new LinkedHashMap<>();
        Captures.vars(raw.header(), Captures.captureSha256(raw.cases()), store)
                .forEach((id, v) -> vars.put(id, (ObjectNode) mask.json(id, v)));
        return SpanExport.send(mask.run(raw), vars, target);
    }
}
