package dev.evalbench.core.service;

import dev.evalbench.core.canary.CanaryJudge;
import dev.evalbench.core.canary.CanaryOptions;
import dev.evalbench.core.canary.CanaryResult;
import dev.evalbench.core.compare.ChangeOverview;
import dev.evalbench.core.compare.ComparedScope;
import dev.evalbench.core.compare.MetricMovement;
import dev.evalbench.core.compare.MetricMovements;
import dev.evalbench.core.compare.ReviewCase;
import dev.evalbench.core.compare.ReviewCases;
import dev.evalbench.core.compare.SnapshotSource;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reviewer's comparison of two runs, each from its own store (the local history, or runs opened from
 * files), in two steps so a 10,000-case review shows its cases first: {@link #cases} aligns the cases from
 * their summaries alone; {@link #overview} adds the tuple and template diffs, metric deltas and gate deltas
 * (bootstrap intervals: the slow part). Reads only; the stores stay the caller's. Blocking: task bodies only.
 * Thread-safe as far as the stores are.
 */
public final class ReviewService {
    /** One side of a comparison: a run of a store. */
    public record Side(RunStore store, String runId) {}

    /**
     * The aligned cases of two runs, regressions first, with their summaries kept for {@link #overview}. A run of
     * part of the workspace ({@code run --suite}, {@code --case}, {@code --tag}) and a whole one are compared on
     * the cases both ran, as {@code evalbench compare} does: {@code beforeSummaries}, {@code afterSummaries}, the
     * cases and the movements are each run's within what the other chose, and {@code scope} says what that left
     * out. {@code before} and {@code after} are the headers the gates read, as {@link ComparedScope.Narrowed}
     * gives them.
     */
    public record Cases(RunHeader before, RunHeader after, List<CaseSummary> beforeSummaries,
                        List<CaseSummary> afterSummaries, List<ReviewCase> cases, List<MetricMovement> movements,
                        ComparedScope scope) {
        public long count(dev.evalbench.core.compare.ReviewStatus status) {
            return cases.stream().filter(c -> c.status() == status).count();
        }
    }

    private final GateService gates;

    /**
     * The canary's verdict when both runs of {@code c} are traffic runs (the first the control, the second the
     * canary), judged as {@code evalbench canary CONTROL CANARY} judges it with its default options; empty for any
     * other pair. Pure; may take a few tenths of a second (bootstrap intervals): call it off the FX thread.
     */
    public static Optional<CanaryResult> canary(Cases c) {
        if (c.before().kind() != RunKind.TRAFFIC || c.after().kind() != RunKind.TRAFFIC) return Optional.empty();
        return Optional.of(new CanaryJudge(CanaryOptions.DEFAULTS)
                .judge(c.before().id(), c.beforeSummaries(), c.after().id(), c.afterSummaries()));
    }

    /** @param env the environment gates' workspaces are rebuilt with (as in {@link GateService}) */
    public ReviewService(Map<String, String> env) {
        this.gates = new GateService(env);
    }

    /** One run as a review reads it first: its header and every case's summary. */
    public record SideCases(RunHeader header, List<CaseSummary> summaries) {}

    /** Reads both runs' summaries and aligns them. */
    public Cases cases(Side before, Side after) throws RequestException, StoreException {
        return align(read(before), read(after));
    }

    /** One side's header and summaries: callers may read the two sides at the same time, then {@link #align}. */
    public static SideCases read(Side side) throws RequestException, StoreException {
        RunHeader h = header(side);
        return new SideCases(h, side.store().summaries(h.id()));
    }

    /** Aligns two runs read by {@link #read}. Pure. */
    public static Cases align(SideCases before, SideCases after) {
        return align(before, after, key -> 0);
    }

    /** As {@link #align(SideCases, SideCases)}, cases within a status in the order {@code place} gives. */
    public static Cases align(SideCases before, SideCases after,
                              java.util.function.ToIntFunction<dev.evalbench.core.record.CaseKey> place) {
        ComparedScope.Narrowed<CaseSummary> n = ComparedScope.of(before.header(), before.summaries(), after.header(),
                after.summaries());
        List<ReviewCase> cases = ReviewCases.between(n.before(), n.after(), place);
        return new Cases(n.beforeHeader(), n.afterHeader(), n.before(), n.after(), cases, MetricMovements.of(cases),
                n.scope());
    }

    /** {@link ChangeOverview#gatesFrom()} when neither run brought its gates and no workspace folder was given. */
    public static final String NO_GATES = "no gates: neither run's inputs are stored here and no workspace is open";

    /**
     * What changed above the cases. Gates are those of the second run as it was run (its snapshots), else the
     * first run's, else the workspace folder's (one with problems gives none, and its first problem is said); without
     * any, the overview has no gate deltas and says why.
     *
     * @param workspaceDir the open workspace folder, or null
     */
    public ChangeOverview overview(Side before, Side after, Cases cases, Path workspaceDir)
            throws StoreException, WorkspaceException {
        return overview(before, after, cases, workspaceDir, Recorded.NONE);
    }

    /**
     * The gates a report recorded for the runs it brought, by the id each was opened under: a report folder's run
     * (held against its baseline) and its baseline (held alone, as the report's comparison recorded it).
     */
    @FunctionalInterface
    public interface Recorded {
        Recorded NONE = runId -> null;

        /** @return the recorded gates of that run, or null */
        GateReport of(String runId);
    }

    /**
     * As {@link #overview(Side, Side, Cases, Path)}; where neither run's inputs nor a workspace give gates, the gates
     * {@code recorded} holds for both runs, when the second run's were recorded against the first (a report folder
     * opened with the baseline it brought): shown as recorded, not computed again.
     */
    public ChangeOverview overview(Side before, Side after, Cases cases, Path workspaceDir, Recorded recorded)
            throws StoreException, WorkspaceException {
        return gatedOverview(before, after, cases, workspaceDir, recorded).overview();
    }

    /**
     * An overview and the workspace its gate deltas were computed with, for a reader that asks more of those gates
     * (which cases lie behind each); {@code gatedWith} is null when the gates were recorded by a report or there
     * were none.
     */
    public record GatedOverview(ChangeOverview overview, Workspace gatedWith) {}

    /** As {@link #overview(Side, Side, Cases, Path, Recorded)}, with the workspace the gates came from. */
    public GatedOverview gatedOverview(Side before, Side after, Cases cases, Path workspaceDir, Recorded recorded)
            throws StoreException, WorkspaceException {
        RunCases a = RunCases.ofSummaries(cases.before(), cases.beforeSummaries(), before.store().events(cases.before().id()));
        RunCases b = RunCases.ofSummaries(cases.after(), cases.afterSummaries(), after.store().events(cases.after().id()));
        Optional<RunGates> found = gates.gatesOf(b, after.store(), null);
        if (found.isEmpty()) found = gates.gatesOf(a, before.store(), null);
        // The open workspace folder last: it may be mid-edit. Its problems cost the comparison its gates, not the
        // comparison itself (which used to wait for gates that never came), and a report's recorded gates stand in.
        String folderTrouble = null;
        if (found.isEmpty()) {
            try {
                GateService.FolderGates folder = gates.folderGatesOrWhy(a.header(), workspaceDir);
                found = folder.gates();
                folderTrouble = folder.passedOver();
            } catch (WorkspaceException e) {
                folderTrouble = "the workspace folder " + workspaceDir + " has problems (" + (e.errors().isEmpty() ? e.getMessage()
                        : e.errors().size() == 1 ? e.errors().get(0) : e.errors().size() + ", the first: " + e.errors().get(0)) + ")";
            }
        }
        GateReport beforeGates = found.isPresent() ? gates.gate(found.get().workspace(), a, null) : null;
        GateReport afterGates = found.isPresent() ? gates.gate(found.get().workspace(), b, a) : null;
        Optional<RecordedGates> recordedPair = RecordedGates.of(recorded.of(before.runId()), recorded.of(after.runId()));
        if (found.isPresent() && found.get().fromFolder() && recordedPair.isPresent()) {
            // A report's runs gated again with the open folder's gates, which the author may have edited since: a
            // schema gate the signed report failed read "pass" to its reviewer. The report's own gates win then.
            Optional<String> differs = recordedPair.get().differenceFrom(beforeGates, afterGates);
            if (differs.isPresent()) {
                folderTrouble = "the workspace folder " + workspaceDir + " judges them otherwise (" + differs.get() + ")";
                found = Optional.empty();
            }
        }
        String from = found.map(g -> "gates from " + g.source())
                .orElse(folderTrouble == null ? NO_GATES : "no gates: " + folderTrouble);
        Optional<RecordedGates> pair = found.isPresent() ? Optional.empty() : recordedPair;
        if (pair.isPresent()) {
            beforeGates = pair.get().before();
            afterGates = pair.get().after();
            from = "gates as the report recorded them (run " + afterGates.runId() + " against " + beforeGates.runId() + ")"
                    + (folderTrouble == null ? "" : "; not computed again here: " + folderTrouble);
        }
        SnapshotSource snapshots = sha -> {
            Optional<byte[]> bytes = after.store().snapshot(sha);
            return bytes.isPresent() ? bytes : before.store().snapshot(sha);
        };
        ChangeOverview overview = ChangeOverview.of(tuples(before.store(), cases.before(), cases.beforeSummaries()),
                tuples(after.store(), cases.after(), cases.afterSummaries()), a, b, snapshots, beforeGates, afterGates, from);
        return new GatedOverview(overview, found.map(RunGates::workspace).orElse(null));
    }

    /** The run tagged {@code tag} in {@code store}, unless it is {@code runId} itself. */
    public static Optional<String> baseline(RunStore store, String tag, String runId) throws StoreException {
        return store.resolve(tag).filter(id -> !id.equals(runId));
    }

    /**
     * The run before {@code runId} in {@code store} that it is compared with: of a run of every case, the last
     * earlier run of the same kind that ran every case too (a slice run in between, its failing cases run again,
     * would leave the rest out of the comparison); of a slice, the run just before it of its kind (what it reran).
     * Never a run the model answered nothing of ({@link Outages}): against it every case read "now passes". With
     * none such, the run just before it; empty when it is the oldest.
     */
    public static Optional<String> previous(RunStore store, String runId, int limit) throws StoreException {
        return previousOf(store, store.runs(limit), runId).map(p -> p.earlier().id());
    }

    /** A run and the run it is compared with ({@link #previous}). */
    private record Previous(RunHeader run, RunHeader earlier) {}

    /** {@code runId}'s header and its previous run's ({@link #previous}), both from one listing of the history. */
    private static Optional<Previous> previousOf(RunStore store, List<RunHeader> runs, String runId) throws StoreException {
        for (int i = 0; i < runs.size() - 1; i++) {
            RunHeader me = runs.get(i);
            if (!me.id().equals(runId)) continue;
            boolean whole = me.config() == null || me.config().coversAll();
            for (RunHeader earlier : runs.subList(i + 1, runs.size())) {
                boolean earlierWhole = earlier.config() == null || earlier.config().coversAll();
                if (earlier.kind() == me.kind() && (!whole || earlierWhole) && !Outages.leftIncomplete(store, earlier)) {
                    return Optional.of(new Previous(me, earlier));
                }
            }
            return Optional.of(new Previous(me, runs.get(i + 1)));
        }
        return Optional.empty();
    }

    /**
     * How {@code runId}'s verdicts moved since the run before it ({@link #previous}), from its summaries (which
     * the caller has read already) and the earlier run's; empty when there is no earlier run or the two share no
     * case (a traffic run before an eval run).
     */
    public static Optional<dev.evalbench.core.compare.VerdictFlips> sincePrevious(RunStore store, String runId,
                                                                              List<CaseSummary> summaries, int limit)
            throws StoreException {
        Optional<Previous> pair = previousOf(store, store.runs(limit), runId);
        if (pair.isEmpty()) return Optional.empty();
        RunHeader me = pair.get().run();
        RunHeader earlier = pair.get().earlier();
        // A run of some cases (the failing ones again) says what still fails as well as what flipped.
        boolean slice = me.config() != null && !me.config().coversAll();
        var flips = dev.evalbench.core.compare.VerdictFlips.of(earlier, store.summaries(earlier.id()), summaries, slice);
        return flips.paired() == 0 ? Optional.empty() : Optional.of(flips);
    }

    private static RunHeader header(Side side) throws RequestException, StoreException {
        return RunLookup.header(side.store(), side.runId());
    }

    /**
     * A run holding one full record per suite, prompt and route: every distinct version tuple a run records in
     * practice, read with a handful of {@code caseRecord} calls instead of every record.
     */
    private static StoredRun tuples(RunStore store, RunHeader header, List<CaseSummary> summaries) throws StoreException {
        Set<String> seen = new HashSet<>();
        List<CaseRecord> records = new ArrayList<>();
        for (CaseSummary s : summaries) {
            if (!seen.add(s.key().suite() + "\u0000" + s.key().promptId() + "\u0000" + s.key().route())) continue;
            store.caseRecord(header.id(), s.key()).ifPresent(records::add);
        }
        return new StoredRun(header, records, List.of());
    }
}
