package dev.evalbench.app.gates;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.service.GateService;
import dev.evalbench.core.service.RunLookup;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.workspace.Workspace;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Gates stored runs for the workbench, as {@code evalbench gate RUN --baseline main} would: the gates of the
 * workspace exactly as the run saw it (rebuilt from its stored snapshots; the open workspace when the history
 * lacks them), against the run tagged {@code baselineTag} when there is one and it is another run. Rebuilt
 * workspaces are kept by their input digests, since most runs of a history share them.
 *
 * <p>Blocking (reads the history, rebuilds workspaces, bootstraps intervals): task bodies only. Thread-safe.
 */
public final class RunGating {
    public static final String BASELINE_TAG = "main";

    private final Map<String, String> env;
    private final Supplier<Workspace> openWorkspace;
    private final Map<Map<String, String>, Workspace> snapshots = new ConcurrentHashMap<>();
    private volatile RunCases lastBaseline;

    /** @param openWorkspace the workspace open in the window (may give null), used when a run has no snapshots */
    public RunGating(Map<String, String> env, Supplier<Workspace> openWorkspace) {
        this.env = env;
        this.openWorkspace = openWorkspace;
    }

    public GatedRun gate(RunStore store, String runId) throws Exception {
        // Summaries, not full records: gating 200 runs in the background must not hold every text in memory.
        RunCases run = RunLookup.runCases(store, runId);
        String from = "the stored snapshot of run " + run.id();
        Workspace ws = snapshotOf(run.header(), store);
        if (ws == null) {
            ws = openWorkspace.get();
            from = "the open workspace";
            if (ws == null) throw new IllegalStateException("run " + runId + " has no stored inputs and no valid workspace is open");
        }
        Optional<String> baselineId = store.resolve(BASELINE_TAG).filter(id -> !id.equals(run.id()));
        RunCases baseline = baselineId.isPresent() ? baseline(store, baselineId.get()) : null;
        GateReport report = new GateService().gate(ws, run, baseline);
        return GatedRun.of(run, report, baseline == null ? null : BASELINE_TAG, ws, from);
    }

    /** The baseline's summaries, read once while it stays the baseline: the history gates every run against it. */
    private RunCases baseline(RunStore store, String id) throws Exception {
        RunCases known = lastBaseline;
        if (known != null && known.id().equals(id)) return known;
        RunCases read = RunLookup.runCases(store, id);
        // Only a complete run never changes: a running or incomplete one may still gain cases (resume).
        if (read.header().status() == RunStatus.COMPLETE) lastBaseline = read;
        return read;
    }

    private Workspace snapshotOf(RunHeader header, RunStore store) throws Exception {
        Map<String, String> inputs = header.inputs();
        if (inputs == null || inputs.isEmpty()) return null;
        Workspace known = snapshots.get(inputs);
        if (known != null) return known;
        for (String sha256 : inputs.values()) if (store.snapshot(sha256).isEmpty()) return null;
        Workspace ws = Components.loadSnapshotForReading(header, store, env);
        snapshots.put(Map.copyOf(inputs), ws);
        return ws;
    }
}
