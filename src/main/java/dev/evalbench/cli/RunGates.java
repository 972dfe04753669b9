package dev.evalbench.cli;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.service.GateService;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The gates a stored run is held to by {@code compare} and {@code report}: those of the workspace exactly as
 * the run saw it, rebuilt from the run's stored snapshots, so a report's verdicts come from the very gates.yaml
 * its signature lists. When the history lacks those snapshots (a run read from an exported file), the
 * workspace folder is used if it holds a manifest; {@link #source} says which one was used.
 */
record RunGates(Workspace workspace, String source) {
    static final String MANIFEST = "evalbench.yaml";

    /** @return null when neither the snapshots nor a workspace folder are available */
    static RunGates of(StoredRun run, RunStore store, Path workspaceDir, Map<String, String> env)
            throws WorkspaceException, StoreException {
        if (hasAllSnapshots(run, store)) {
            return new RunGates(Components.loadSnapshot(run.header(), store, env), "the stored snapshot of run " + run.id());
        }
        if (Files.isRegularFile(workspaceDir.resolve(MANIFEST))) {
            return new RunGates(Components.loadChecked(workspaceDir, env), "the workspace folder " + workspaceDir);
        }
        return null;
    }

    GateReport gate(StoredRun run, StoredRun baseline) {
        return new GateService().gate(workspace, run, baseline);
    }

    private static boolean hasAllSnapshots(StoredRun run, RunStore store) throws StoreException {
        Map<String, String> inputs = run.header().inputs();
        if (inputs == null || inputs.isEmpty()) return false;
        for (String sha256 : inputs.values()) {
            if (store.snapshot(sha256).isEmpty()) return false;
        }
        return true;
    }
}
