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
 * lacks them and it is the run's workspace; for a report folder opened with neither, the gates its report.json
 * records), against the run
 * tagged {@code baselineTag} when there is one and it is another run. Rebuilt
 * workspaces are kept by their input digests, since most runs of a history share them. A complete run gated
 * from its own snapshots against a complete baseline (or none) cannot gate differently while the baseline tag
 * stays put, so its result is kept (the last {@value #KEPT} such runs): the history gates every run once in the
 * background, and opening one of them then shows its gates without reading and bootstrapping it again.
 *
 * <p>Blocking (reads the history, rebuilds workspaces, bootstraps intervals): task bodies only. Thread-safe.
 */
public final class RunGating {
    public static final String BASELINE_TAG = "main";

    private final Map<String, String> env;
    private final Supplier<Workspace> openWorkspace;
    private final java.util.function.Function<String, GateReport> reportGates;
    private final Map<Map<String, String>, Workspace> snapshots = new ConcurrentHashMap<>();
    private volatile RunCases lastBaseline;
    /** How many gated runs are kept; the history lists up to 1,000 runs, most of them small. */
    static final int KEPT = 256;
    private final Map<Kept, GatedRun> kept = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Kept, GatedRun> eldest) {
                    return size() > KEPT;
                }
            });

    /** A gated run, by its id and its baseline's (null: none). */
    private record Kept(String runId, String baselineId) {}

    /** @param openWorkspace the workspace open in the window (may give null), used when a run has no snapshots */
    public RunGating(Map<String, String> env, Supplier<Workspace> openWorkspace) {
        this(env, openWorkspace, runId -> null);
    }

    /**
     * @param reportGates by run id, the gates a report.json records (null for none): shown for a run that has no
     *                    stored inputs while no workspace is open, instead of no gates at all
     */
    public RunGating(Map<String, String> env, Supplier<Workspace> openWorkspace,
                     java.util.function.Function<String, GateReport> reportGates) {
        this.env = env;
        this.openWorkspace = openWorkspace;
        this.reportGates = reportGates;
    }

    public GatedRun gate(RunStore store, String runId) throws Exception {
        Optional<RunHeader> header = store.run(runId);
        Kept key = new Kept(runId, header.isPresent() && gatedAlone(header.get()) ? null
                : store.resolve(BASELINE_TAG).filter(id -> !id.equals(runId)).orElse(null));
        boolean complete = header.isPresent() && header.get().status() == RunStatus.COMPLETE;
        GatedRun known = complete ? kept.get(key) : null;
        if (known != null) return known;
        GatedRun gated = gateAgain(store, runId);
        // Kept only when nothing it was made from can change: its own snapshots, a finished run, a finished
        // baseline, and the very baseline the key names (the tag may have moved while it was gated).
        boolean fixed = gated.gatesFrom().startsWith(FROM_SNAPSHOT) && gated.header().status() == RunStatus.COMPLETE
                && java.util.Objects.equals(key.baselineId(), gated.report().baselineRunId())
                && (key.baselineId() == null || isComplete(store, key.baselineId()));
        if (fixed) kept.put(key, gated);
        return gated;
    }

    private static final String FROM_SNAPSHOT = "the stored snapshot of run ";
    /** Where the gates of {@link #gateWithOpen} come from, in words. */
    public static final String FROM_OPEN_NOW = "the open workspace's gates as they are now";

    /**
     * Whether the open workspace's gates differ from those {@code gated} was judged with (its gates file edited since
     * the run: {@code evalbench gate RUN} judges the run with the file as it is now). False for a run of another
     * workspace, a report's recorded gates, or with no workspace open.
     */
    public boolean openGatesDiffer(GatedRun gated) {
        Workspace open = openWorkspace.get();
        if (open == null || gated.workspace() == null || gated.recorded()) return false;
        String of = gated.header().workspace();
        return (of == null || of.equals(open.name())) && !open.gates().equals(gated.workspace().gates());
    }

    /**
     * Gates a stored run as {@code evalbench gate RUN --baseline main} does: with the open workspace's gates as they are
     * now, not those of its snapshot (an author trying a threshold without paying for the run again). Never kept: the
     * gates change as the author edits them.
     *
     * @throws IllegalStateException no workspace is open, or it is another than the run's
     */
    public GatedRun gateWithOpen(RunStore store, String runId) throws Exception {
        RunCases run = RunLookup.runCases(store, runId);
        Workspace open = openWorkspace.get();
        if (open == null || run.header().workspace() != null && !run.header().workspace().equals(open.name())) {
            throw new IllegalStateException("the open workspace is not this run's: its gates are no gates for it");
        }
        return againstTheBaseline(store, run, open, FROM_OPEN_NOW);
    }

    /**
     * A traffic run holds production's requests, not the eval set's cases, and a shadow run those requests replayed:
     * held against the eval run tagged main, none of their gates compared anything (no case matches), yet their
     * results said "Against baseline main". A traffic run is compared with its control, a shadow run with the traffic
     * it replayed, in "Compare shadow or canary" instead.
     */
    static boolean gatedAlone(RunHeader header) {
        return header.kind() != dev.evalbench.core.record.RunKind.EVAL;
    }

    private static boolean isComplete(RunStore store, String runId) throws Exception {
        return store.run(runId).map(h -> h.status() == RunStatus.COMPLETE).orElse(false);
    }

    private GatedRun gateAgain(RunStore store, String runId) throws Exception {
        // Summaries, not full records: gating 200 runs in the background must not hold every text in memory.
        RunCases run = RunLookup.runCases(store, runId);
        String from = FROM_SNAPSHOT + run.id();
        Workspace ws = snapshotOf(run.header(), store);
        if (ws == null) {
            Workspace open = openWorkspace.get();
            // Another workspace's gates are no gates for this run (an invoice report failed the support
            // workspace's "category-accuracy"): the report's own verdicts, else none.
            String other = open == null || run.header().workspace() == null || run.header().workspace().equals(open.name())
                    ? null : open.name();
            ws = other == null ? open : null;
            from = "the open workspace";
            GateReport recorded = reportGates.apply(runId);
            if (recorded != null && ws == null) return GatedRun.asRecorded(run, recorded);
            if (ws == null) {
                throw new IllegalStateException("it carries no copy of its workspace's files and "
                        + (other == null ? "no workspace is open" : "the open workspace is \"" + other + "\", not its \""
                                + run.header().workspace() + "\"")
                        + "; open its workspace (Ctrl+O) to gate it with that workspace's gates");
            }
            if (recorded != null) return againstTheReport(store, run, ws, recorded, from);
        }
        return againstTheBaseline(store, run, ws, from);
    }

    /** {@code run} held to {@code ws}'s gates against the run tagged main (none for a run gated alone, or for main). */
    private GatedRun againstTheBaseline(RunStore store, RunCases run, Workspace ws, String from) throws Exception {
        Optional<String> baselineId = gatedAlone(run.header()) ? Optional.empty()
                : store.resolve(BASELINE_TAG).filter(id -> !id.equals(run.id()));
        RunCases baseline = baselineId.isPresent() ? baseline(store, baselineId.get()) : null;
        GateReport report = new GateService().gate(ws, run, baseline);
        return GatedRun.of(run, report, baseline == null ? null : BASELINE_TAG, ws, from);
    }

    /**
     * A report's run gated with the open workspace against the baseline the report brought, as the report was: those
     * verdicts (and the cases behind each gate) when they are the report's, else the report's own, saying how the
     * workspace judges otherwise. A reviewer whose gates.yaml was loosened since read "pass" for the schema gate
     * that the signed report failed.
     */
    private static GatedRun againstTheReport(RunStore store, RunCases run, Workspace ws, GateReport recorded, String from)
            throws Exception {
        String baselineId = recorded.baselineRunId();
        RunCases baseline = baselineId == null || store.run(baselineId).isEmpty() ? null : RunLookup.runCases(store, baselineId);
        if (baselineId != null && baseline == null) {
            // A report folder that lost its baseline's records: "open the workspace" would be no advice, it is open.
            return GatedRun.asRecorded(run, recorded, "the baseline's records are not beside the report, so it is not"
                    + " gated again here");
        }
        GateReport again = new GateService().gate(ws, run, baseline);
        Optional<String> otherwise = dev.evalbench.core.service.RecordedGates.differenceOf(again, recorded);
        if (otherwise.isPresent()) {
            return GatedRun.asRecorded(run, recorded, "the open workspace's gates judge it otherwise (" + otherwise.get() + ")");
        }
        return GatedRun.of(run, again, baseline == null ? null : GatedRun.REPORTS_BASELINE, ws, from);
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
