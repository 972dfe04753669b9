package dev.evalbench.core.service;

import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.compare.ComparisonBuilder;
import dev.evalbench.core.compare.RunComparison;
import dev.evalbench.core.compare.SnapshotSource;
import dev.evalbench.core.compare.SummaryComparison;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.workspace.WorkspaceException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Compares two runs: metrics, gates (when the after-run's gates can be found), changed cases and prompt
 * diffs from the store's snapshots. Gates are judged on the raw records; the comparison (and the runs in
 * its result) carry masked copies ({@link OutboundMasks}), since it is printed and attached to pull requests.
 * Two runs of the history are compared from their summaries, reading full records only for the cases the
 * comparison shows; a run file is read whole. Reads only; the store stays the caller's (it is not closed here).
 * Two stored runs are gated and their metric deltas computed on {@link java.util.concurrent.ForkJoinPool}'s common
 * pool while the calling thread reads records. Thread-safe as far as the store is (the SQLite store is).
 */
public final class CompareService {
    /** A comparison and the gates it used; {@code gates} is empty when none could be found. */
    public record Result(StoredRun before, StoredRun after, RunComparison comparison, Optional<RunGates> gates) {}

    private final RunStore store;
    private final GateService gates;

    public CompareService(RunStore store, GateService gates) {
        this.store = store;
        this.gates = gates;
    }

    /**
     * @param beforeRef    a run reference or run file (see {@link RunLookup#baseline})
     * @param afterRef     likewise
     * @param workspaceDir where to find gates when the history lacks the after-run's snapshots
     */
    public Result compare(String beforeRef, String afterRef, Path workspaceDir) throws WorkspaceException, StoreException {
        if (RunLookup.baselineFile(beforeRef).isEmpty() && RunLookup.baselineFile(afterRef).isEmpty()) {
            return compareStored(beforeRef, afterRef, workspaceDir);
        }
        StoredRun before = RunLookup.baseline(store, beforeRef);
        StoredRun after = RunLookup.baseline(store, afterRef);
        Optional<RunGates> found = gates.gatesOf(after, store, workspaceDir);
        GateReport afterVerdicts = found.isPresent() ? gates.gate(found.get(), after, before) : null;
        RunComparison comparison = compare(before, after, found.orElse(null), afterVerdicts);
        return new Result(comparison.before(), comparison.after(), comparison, found);
    }

    /**
     * Two runs of the history compared from their summaries ({@link SummaryComparison}): full records are read,
     * masked, only for the cases the comparison shows. The result's runs hold those records only.
     */
    private Result compareStored(String beforeRef, String afterRef, Path workspaceDir) throws WorkspaceException, StoreException {
        RunCases before = RunLookup.runCases(store, beforeRef);
        RunCases after = RunLookup.runCases(store, afterRef);
        Optional<RunGates> found = gates.gatesOf(after, store, workspaceDir);
        // Gating is pure CPU work on the summaries: done on a pool thread while this one reads and masks records.
        CompletableFuture<GateReport> beforeVerdicts = found.isEmpty() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> gates.gate(found.get().workspace(), before, null));
        CompletableFuture<GateReport> afterVerdicts = found.isEmpty() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> gates.gate(found.get().workspace(), after, before));
        OutboundMask mask = OutboundMasks.of(found.map(RunGates::workspace).orElse(null), store, gates.env(),
                before.header(), after.header());
        RunComparison comparison = SummaryComparison.buildAwaitingGates(mask.cases(before), mask.cases(after),
                records(before, mask), records(after, mask), SnapshotSource.of(store),
                () -> SummaryComparison.joined(beforeVerdicts), () -> SummaryComparison.joined(afterVerdicts));
        return new Result(comparison.before(), comparison.after(), comparison, found);
    }

    private SummaryComparison.Records records(RunCases run, OutboundMask mask) {
        return key -> store.caseRecord(run.id(), key).map(mask::record).orElse(null);
    }

    /**
     * The comparison of two loaded runs; with {@code runGates} (may be null) the gate deltas too, where
     * {@code afterVerdicts} are the after-run's verdicts against {@code before}.
     */
    public RunComparison compare(StoredRun before, StoredRun after, RunGates runGates, GateReport afterVerdicts)
            throws StoreException {
        GateReport beforeVerdicts = runGates == null ? null : gates.gate(runGates, before, null);
        // Gated on the raw records; a comparison is printed and attached to pull requests, so its runs are masked.
        OutboundMask mask = OutboundMasks.of(runGates == null ? null : runGates.workspace(), store, gates.env(), before, after);
        ComparisonBuilder builder = new ComparisonBuilder(mask.run(before), mask.run(after)).snapshots(SnapshotSource.of(store));
        if (runGates != null) builder.gates(beforeVerdicts, afterVerdicts);
        return builder.build();
    }
}
