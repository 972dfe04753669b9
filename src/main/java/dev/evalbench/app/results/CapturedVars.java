package dev.evalbench.app.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.core.otlp.Captures;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.traffic.TrafficRecords;
import java.util.Map;

/**
 * The template variables a traffic run's requests were captured with, for the detail pane: an imported request
 * is no case of the open dataset, so its variables are those of the capture the history keeps as the run's input
 * ({@link Captures#vars}). Read from the snapshot once per tab, on the first traffic case shown, by the task that
 * reads it (never on the FX thread). Thread-safe.
 */
public final class CapturedVars {
    private final BackgroundTask.ThrowingSupplier<RunStore> store;
    private final String runId;
    private Map<String, ObjectNode> byRequest;

    public CapturedVars(BackgroundTask.ThrowingSupplier<RunStore> store, String runId) {
        this.store = store;
        this.runId = runId;
    }

    /** The captured variables of {@code record} when it is an imported request that has them; else null. */
    public synchronized JsonNode of(CaseRecord record) throws Exception {
        if (!TrafficRecords.SUITE.equals(record.key().suite()) || record.versions() == null
                || !TrafficRecords.EVAL_SET.equals(record.versions().evalSetVersion())) {
            return null;
        }
        if (byRequest == null) {
            RunStore history = store.get();
            RunHeader header = history.run(runId).orElse(null);
            byRequest = header == null ? Map.of() : Captures.vars(header, record.versions().evalSetHash(), history);
        }
        return byRequest.get(record.key().caseId());
    }
}
