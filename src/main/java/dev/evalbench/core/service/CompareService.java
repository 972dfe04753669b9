package dev.evalbench.core.service;

import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.compare.ComparedScope;
import dev.evalbench.core.compare.ComparisonBuilder;
import dev.evalbench.core.compare.MetricDelta;
import dev.evalbench.core.compare.RunComparison;
import dev.evalbench.core.compare.SnapshotSource;
import dev.evalbench.core.compare.SummaryComparison;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.store.PromptTemplates;
import dev.evalbench.core.store.RunExport;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.workspace.WorkspaceException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Compares two runs: metrics, gates (when the after-run's gates can be found), changed cases and prompt
 * diffs from the store's snapshots. Gates are judged on the raw records; the comparison (and the runs in
 * its result, and the templates' text it diffs) carry masked copies ({@link OutboundMasks}), since it is
 * printed and attached to pull requests.
 * Two runs of the history are compared from their summaries, reading full records only for the cases the
 * comparison shows; a run file is read whole. Reads only; the store stays the caller's (it is not closed here).
 * Two stored runs are gated and their metric deltas computed on {@link java.util.concurrent.ForkJoinPool}'s common
 * pool while the calling thread reads records. Thread-safe as far as the store is (the SQLite store is).
 */
public final class CompareService {
    /** A comparison and the gates it used; {@code gates} is empty when none could be found. */
    public record Result(StoredRun before, StoredRun after, RunComparison comparison, Optional<RunGates> gates,
                         String recordedBy) {
        public Result(StoredRun before, StoredRun after, RunComparison comparison, Optional<RunGates> gates) {
            this(before, after, comparison, gates, null);
        }

        /**
         * Where the gate deltas came from, as a fragment for people ("the stored snapshot of run X", "the report
         * ci/report.json, as it recorded them"), or empty when the gates were not compared.
         */
        public Optional<String> gatesSource() {
            if (gates.isPresent()) return Optional.of(gates.get().source());
            return Optional.ofNullable(recordedBy);
        }
    }

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
        return compare(beforeRef, afterRef, workspaceDir, SummaryComparison.EVERY_FLIP);
    }

    /**
     * As {@link #compare(String, String, Path)}, for a reader that shows only the first {@code flipsShown}
     * changes of each flip direction with their records (the terminal): two stored runs are then compared
     * reading only those flips' records ({@link SummaryComparison}); counts and order are the same.
     */
    public Result compare(String beforeRef, String afterRef, Path workspaceDir, int flipsShown)
            throws WorkspaceException, StoreException {
        Optional<Path> afterFile = RunLookup.runFile(afterRef);
        if (RunLookup.runFile(beforeRef).isEmpty() && afterFile.isEmpty()) {
            return compareStored(beforeRef, afterRef, workspaceDir, flipsShown);
        }
        return compareFiles(RunLookup.baselineWithTemplates(store, beforeRef), RunLookup.baselineWithTemplates(store, afterRef),
                afterFile, workspaceDir);
    }

    /**
     * The comparison a report folder was written for, from the folder alone: the baseline's records it keeps
     * ({@code report-baseline-cases.jsonl.gz}) against its run, the gate deltas as it recorded them, or gated again
     * where a workspace or the history's snapshots are at hand (as {@code compare A B} would).
     *
     * @param reportRef a report folder or its report.json
     * @throws RequestException field "run" when it names no report, or a report written without a baseline
     */
    public Result compareReport(String reportRef, Path workspaceDir) throws WorkspaceException, StoreException {
        Path reportJson = RunLookup.runFile(reportRef).orElseThrow(() -> new RequestException("run", reportRef,
                "no report folder or report.json here: name two runs to compare (compare A B)"));
        RunExport.Exported after = RunLookup.baselineWithTemplates(store, reportRef);
        Optional<StoredRun> baseline;
        try {
            baseline = RunExport.baselineOfReport(reportJson, after);
        } catch (dev.evalbench.core.store.RunFileException e) {
            throw new WorkspaceException(new dev.evalbench.core.workspace.InputError(e.file(), e.line(), e.column(), e.problem()));
        }
        if (baseline.isEmpty()) {
            throw new RequestException("run", reportRef, "holds no baseline to compare with (a report keeps one when"
                    + " written with --baseline): name the run to compare it with, compare BASELINE " + reportRef);
        }
        return compareFiles(new RunExport.Exported(baseline.get(), after.templates()), after,
                Optional.of(reportJson), workspaceDir);
    }

    /** Two runs read from files (or one of them from the history); {@code afterFile} the second's file, if any. */
    private Result compareFiles(RunExport.Exported before, RunExport.Exported after, Optional<Path> afterFile, Path workspaceDir)
            throws WorkspaceException, StoreException {
        Optional<RunGates> found = gates.gatesOf(after.run(), store, workspaceDir);
        Map<String, PromptTemplates.Text> carried = new HashMap<>(before.templates());
        carried.putAll(after.templates());
        Optional<RecordedGates> recorded = afterFile.isPresent() ? recordedAgainst(after, before.run().id()) : Optional.empty();
        Compared compared = compare(before.run(), after.run(), found.orElse(null), null, carried, recorded.orElse(null));
        RunComparison comparison = compared.comparison();
        if (!compared.asRecorded()) return new Result(comparison.before(), comparison.after(), comparison, found, null);
        // A report compared with the run it was written against: its gate deltas as it recorded them.
        return new Result(comparison.before(), comparison.after(), comparison, Optional.empty(),
                "the report " + afterFile.get() + ", as it recorded them" + (compared.otherwise() == null ? ""
                        : "; not computed again here: " + found.get().source() + " judges them otherwise ("
                        + compared.otherwise() + ")"));
    }

    /**
     * The gates a report recorded for itself and for its baseline (each gate's {@code before} in its comparison),
     * when that baseline is the run {@code beforeId}; empty otherwise (an export, a report of another baseline).
     */
    private static Optional<RecordedGates> recordedAgainst(RunExport.Exported after, String beforeId) {
        GateReport afterGates = dev.evalbench.core.report.ReportGates.of(after.gates()).orElse(null);
        if (afterGates == null || !beforeId.equals(afterGates.baselineRunId())) return Optional.empty();
        return RecordedGates.of(dev.evalbench.core.report.ReportGates.baselineOf(after.comparison()).orElse(null), afterGates);
    }

    /**
     * Two runs of the history compared from their summaries ({@link SummaryComparison}): full records are read,
     * masked, only for the cases the comparison shows. The result's runs hold those records only. The gates'
     * workspace loads and the baseline's summaries are read on threads of their own while this thread reads the
     * other run's summaries: on two cores the three take about the time of the longest.
     */
    private Result compareStored(String beforeRef, String afterRef, Path workspaceDir, int flipsShown)
            throws WorkspaceException, StoreException {
        RunHeader beforeHeader = RunLookup.header(store, beforeRef);
        RunHeader afterHeader = RunLookup.header(store, afterRef);
        BackgroundValue<Optional<RunGates>> gatesLoad = BackgroundValue.start("compare-gates",
                () -> gates.gatesOf(afterHeader, store, workspaceDir));
        BackgroundValue<RunCases> beforeRead = BackgroundValue.start("compare-baseline",
                () -> RunLookup.runCases(store, beforeHeader));
        RunCases wholeAfter = RunLookup.runCases(store, afterHeader);
        RunCases wholeBefore = awaited(beforeRead);
        // Compared, and gated, within what both chose: a side that lost cases is gated as if it had chosen what the
        // other did, so both sides' gates are of the same cases.
        ComparedScope.Narrowed<ScoredCase> n = ComparedScope.of(beforeHeader, wholeBefore.cases(), afterHeader,
                wholeAfter.cases());
        RunCases before = new RunCases(n.beforeHeader(), n.before(), wholeBefore.events());
        RunCases after = new RunCases(n.afterHeader(), n.after(), wholeAfter.events());
        // From the cases alone, so started now: they take the core this thread leaves while it waits for the gates.
        CompletableFuture<List<MetricDelta>> metrics = SummaryComparison.metricDeltas(before, after);
        Optional<RunGates> found = awaited(gatesLoad);
        // Gating is pure CPU work on the summaries: done on a pool thread while this one reads and masks records.
        CompletableFuture<GateReport> beforeVerdicts = found.isEmpty() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> gates.gate(found.get().workspace(), before, null));
        CompletableFuture<GateReport> afterVerdicts = found.isEmpty() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> gates.gate(found.get().workspace(), after, before));
        OutboundMask mask = OutboundMasks.of(found.map(RunGates::workspace).orElse(null), store, gates.env(),
                before.header(), after.header());
        // The summaries' texts are never shown (the comparison shows the records it reads, masked as they are
        // read): only the events that the compared runs carry are masked.
        RunComparison comparison = SummaryComparison.buildAwaitingGates(eventsMasked(before, mask), eventsMasked(after, mask),
                records(before, mask), records(after, mask), SnapshotSource.of(store).masked(t -> mask.text(null, t)), metrics,
                () -> SummaryComparison.joined(beforeVerdicts), () -> SummaryComparison.joined(afterVerdicts),
                flipsShown, WorkspaceOrder.of(found.map(RunGates::workspace).orElse(null))).within(n.scope());
        return new Result(comparison.before(), comparison.after(), comparison, found);
    }

    private static RunCases eventsMasked(RunCases run, OutboundMask mask) {
        return new RunCases(run.header(), run.cases(), mask.events(run.events()));
    }

    /** The value of work on another thread; waits on through interrupts (the work is short), then restores the flag. */
    private static <T> T awaited(BackgroundValue<T> value) throws WorkspaceException, StoreException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return value.get(WorkspaceException.class, StoreException.class);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private SummaryComparison.Records records(RunCases run, OutboundMask mask) {
        return key -> store.caseRecord(run.id(), key).map(mask::record).orElse(null);
    }

    /**
     * The comparison of two loaded runs, each within what the other chose; with {@code runGates} (may be null) the
     * gate deltas too, both sides gated within that choice ({@link ComparedScope.Narrowed}), unless
     * {@code afterVerdicts} gives the after-run's verdicts against {@code before} (a report's own).
     */
    public RunComparison compare(StoredRun wholeBefore, StoredRun wholeAfter, RunGates runGates, GateReport afterVerdicts)
            throws StoreException {
        return compare(wholeBefore, wholeAfter, runGates, afterVerdicts, Map.of());
    }

    /**
     * As {@link #compare(StoredRun, StoredRun, RunGates, GateReport)}, with the prompt template texts that run
     * files carried ({@code carried}, by SHA-256) for the template diffs of texts the history does not hold.
     */
    public RunComparison compare(StoredRun wholeBefore, StoredRun wholeAfter, RunGates runGates, GateReport afterVerdicts,
                                 Map<String, PromptTemplates.Text> carried) throws StoreException {
        return compare(wholeBefore, wholeAfter, runGates, afterVerdicts, carried, null).comparison();
    }

    /**
     * A comparison, whether its gate deltas are a report's recorded ones, and, when they stand over a folder's gates,
     * how the folder judged otherwise (else null).
     */
    private record Compared(RunComparison comparison, boolean asRecorded, String otherwise) {}

    /**
     * As above, with the gates a report recorded ({@code recorded}, may be null): its gate deltas are those of
     * {@code runGates}, unless there are none, or they are a workspace folder's that judge the runs otherwise than
     * the report recorded (a report's runs gated with a gates.yaml edited since it was signed read "pass" where the
     * report failed); then {@code recorded}'s. {@code runGates} masks and orders the comparison either way.
     */
    private Compared compare(StoredRun wholeBefore, StoredRun wholeAfter, RunGates runGates, GateReport afterVerdicts,
                             Map<String, PromptTemplates.Text> carried, RecordedGates recorded) throws StoreException {
        ComparedScope.Narrowed<CaseRecord> n = ComparedScope.of(wholeBefore.header(), wholeBefore.cases(),
                wholeAfter.header(), wholeAfter.cases());
        StoredRun before = new StoredRun(n.beforeHeader(), n.before(), wholeBefore.events());
        StoredRun after = new StoredRun(n.afterHeader(), n.after(), wholeAfter.events());
        GateReport beforeVerdicts = runGates == null ? null : gates.gate(runGates, before, null);
        if (runGates != null && afterVerdicts == null) afterVerdicts = gates.gate(runGates, after, before);
        String otherwise = runGates != null && runGates.fromFolder() && recorded != null
                ? recorded.differenceFrom(beforeVerdicts, afterVerdicts).orElse(null) : null;
        boolean asRecorded = recorded != null && (runGates == null || otherwise != null);
        // Gated on the raw records; a comparison is printed and attached to pull requests, so its runs are masked.
        OutboundMask mask = OutboundMasks.of(runGates == null ? null : runGates.workspace(), store, gates.env(), before, after);
        ComparisonBuilder builder = new ComparisonBuilder(mask.run(before), mask.run(after))
                .snapshots(SnapshotSource.of(store, carried).masked(t -> mask.text(null, t)))
                .order(WorkspaceOrder.of(runGates == null ? null : runGates.workspace()));
        if (asRecorded) builder.gates(recorded.before(), recorded.after());
        else if (runGates != null) builder.gates(beforeVerdicts, afterVerdicts);
        return new Compared(builder.build().within(n.scope()), asRecorded, otherwise);
    }
}
