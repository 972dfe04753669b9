package dev.evalbench.app.compare;

import dev.evalbench.core.gate.GateReport;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the reports opened from files brought, by the id each report's run was opened under: the gates it recorded
 * (shown where nothing can gate the run again), the baseline run it brought (its "Baseline" compares with that one),
 * or why that baseline could not be read (said when the history has none to offer either). Written on the FX thread
 * as reports open, read by gating and comparing tasks: any thread.
 */
public final class OpenedReports {
    private final Map<String, GateReport> gates = new ConcurrentHashMap<>();
    private final Map<String, String> baselines = new ConcurrentHashMap<>();
    private final Map<String, String> unreadBaselines = new ConcurrentHashMap<>();

    /** Keeps the gates a report recorded for the run opened as {@code runId}. */
    public void recordGates(String runId, GateReport recorded) {
        gates.put(runId, recorded);
    }

    /** The gates recorded for the run opened as {@code runId}, or null. */
    public GateReport recordedGates(String runId) {
        return gates.get(runId);
    }

    /** Remembers that the report opened as {@code runId} brought {@code baselineId}. */
    public void linkBaseline(String runId, String baselineId) {
        baselines.put(runId, baselineId);
    }

    /** The baseline the report opened as {@code runId} brought, or null. */
    String baseline(String runId) {
        return baselines.get(runId);
    }

    /** Remembers why the report opened as {@code runId} could not bring its baseline. */
    public void noteUnreadBaseline(String runId, String why) {
        unreadBaselines.put(runId, why);
    }

    /** Why the report opened as {@code runId} could not bring its baseline, or null. */
    String unreadBaseline(String runId) {
        return unreadBaselines.get(runId);
    }
}
