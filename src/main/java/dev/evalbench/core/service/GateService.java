package dev.evalbench.core.service;

import dev.evalbench.core.gate.GateEvaluator;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Gates a stored run against the workspace's gates and an optional baseline, and finds which gates apply to
 * a stored run. Reads records only: it never calls a model, so an old run can be re-gated at any time.
 * Stateless apart from {@code env}; safe on any thread but the FX thread (it can take a few hundred
 * milliseconds on large runs because of bootstrap intervals).
 */
public final class GateService {
    /** The file that makes a folder a workspace. */
    public static final String MANIFEST = "evalbench.yaml";

    private final Map<String, String> env;

    /** A service that interpolates no environment into rebuilt workspaces. */
    public GateService() {
        this(Map.of());
    }

    /** The environment workspaces are rebuilt with; also where the configured API keys are read from. */
    Map<String, String> env() {
        return env;
    }

    /** @param env the environment a rebuilt workspace is loaded with (as the run was) */
    public GateService(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** A stored run and its verdicts. */
    public record Gated(RunCases run, GateReport report) {}

    /**
     * Reads a run back from the store (as a run just finished or resumed) and gates it: the second half of
     * "run, then gate" that the CLI's {@code run}/{@code resume} and the workbench's launcher share.
     */
    public Gated gateStored(RunStore store, String runId, Workspace ws, RunCases baseline)
            throws RequestException, StoreException {
        // The compact summaries: reading every full record back at the end of a run cost more than the run.
        RunCases run = RunLookup.runCases(store, runId);
        return new Gated(run, gate(ws, run, baseline));
    }

    /** Gates a run read as summaries (or full records) against an optional baseline. */
    public GateReport gate(Workspace ws, RunCases run, RunCases baseline) {
        return new GateEvaluator(ws.suites()).evaluate(ws.gates(), run, baseline);
    }

    public GateReport gate(Workspace ws, StoredRun run, StoredRun baseline) {
        return new GateEvaluator(ws.suites()).evaluate(ws.gates(), run, baseline);
    }

    /** Gates {@code run} by {@code gates}, against {@code baseline} (may be null). */
    public GateReport gate(RunGates gates, StoredRun run, StoredRun baseline) {
        return gate(gates.workspace(), run, baseline);
    }

    /**
     * The gates a stored run is held to by {@code compare} and {@code report}: those of the workspace exactly
     * as the run saw it, rebuilt from the run's stored snapshots, so a report's verdicts come from the very
     * gates.yaml its signature lists. When the history lacks those snapshots (a run read from an exported
     * file), the workspace folder is used if it holds a manifest.
     *
     * @param workspaceDir the workspace folder, or null when the request named none
     * @return empty when neither the snapshots nor a workspace folder are available
     * @throws WorkspaceException when the snapshot or the folder does not load
     */
    public Optional<RunGates> gatesOf(StoredRun run, RunStore store, Path workspaceDir)
            throws WorkspaceException, StoreException {
        return gatesOf(run.header(), store, workspaceDir);
    }

    /** As {@link #gatesOf(StoredRun, RunStore, Path)}, for a run read as summaries. */
    public Optional<RunGates> gatesOf(RunCases run, RunStore store, Path workspaceDir)
            throws WorkspaceException, StoreException {
        return gatesOf(run.header(), store, workspaceDir);
    }

    /** As {@link #gatesOf(StoredRun, RunStore, Path)}, for a run of which only the header has been read. */
    public Optional<RunGates> gatesOf(RunHeader header, RunStore store, Path workspaceDir)
            throws WorkspaceException, StoreException {
        if (hasAllSnapshots(header, store)) {
            return Optional.of(new RunGates(Components.loadSnapshotForReading(header, store, env),
                    "the stored snapshot of run " + header.id(), false));
        }
        return folderGates(header, workspaceDir);
    }

    /**
     * The gates of the workspace folder {@code workspaceDir} for {@code header}'s run, read as the run's suites need
     * them; empty when there is no folder, it holds no workspace, or it holds another workspace than the run's
     * ({@link #folderGatesOrWhy} says so). Not the run's own snapshots: {@link #gatesOf} asks those first.
     */
    public Optional<RunGates> folderGates(RunHeader header, Path workspaceDir) throws WorkspaceException {
        return folderGatesOrWhy(header, workspaceDir).gates();
    }

    /** A workspace folder's gates for a run, or, when the folder is another workspace, why they were passed over. */
    public record FolderGates(Optional<RunGates> gates, String passedOver) {}

    /**
     * As {@link #folderGates}, saying why a folder that holds a workspace was passed over: a report of the
     * invoice workspace, opened while the support workspace was the window's, was gated with the support
     * workspace's gates ("category-accuracy FAIL"), which no run of it could meet. Workspaces are told apart by
     * the name in their manifest, which every run records.
     */
    public FolderGates folderGatesOrWhy(RunHeader header, Path workspaceDir) throws WorkspaceException {
        if (workspaceDir == null || !Files.isRegularFile(workspaceDir.resolve(MANIFEST))) return new FolderGates(Optional.empty(), null);
        Workspace ws = Components.loadFor(workspaceDir, env, header);
        if (header.workspace() != null && ws.name() != null && !header.workspace().equals(ws.name())) {
            return new FolderGates(Optional.empty(), "the workspace folder " + workspaceDir + " is the workspace \""
                    + ws.name() + "\", not this run's \"" + header.workspace() + "\"");
        }
        return new FolderGates(Optional.of(new RunGates(ws, "the workspace folder " + workspaceDir, true)), null);
    }

    private static boolean hasAllSnapshots(RunHeader header, RunStore store) throws StoreException {
        Map<String, String> inputs = header.inputs();
        if (inputs == null || inputs.isEmpty()) return false;
        for (String sha256 : inputs.values()) {
            if (!store.hasSnapshot(sha256)) return false;
        }
        return true;
    }
}
