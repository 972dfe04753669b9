package dev.evalbench.core.compare;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.record.CaseAlignment;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CasePair;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.store.StoreException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The {@link RunComparison} of two runs read as summaries, equal to what {@link ComparisonBuilder} makes from
 * their full records, reading a record only where the comparison shows it: cases whose verdict flipped, cases in
 * one run only, and cases whose {@link dev.evalbench.core.record.OutputFingerprint}s differ or are unknown (these
 * are diffed, and kept only if their output texts differ). Matching fingerprints mean unchanged outputs without
 * a read. Version tuples and template diffs come from one record per suite, prompt and route of each run (every
 * distinct tuple a run records in practice). Metrics are computed from the summaries, on a pool thread
 * ({@link CompletableFuture#supplyAsync}) while this thread reads the records: the paired statistics are pure
 * CPU work and the reads mostly wait on SQLite and inflate. With many cases to read, the later half of them is
 * read and diffed on a second pool thread, so {@link Records} must be thread-safe. Not thread-safe while it
 * runs; the result is immutable.
 */
public final class SummaryComparison {
    /**
     * Reads one case of one side in full (as the comparison shows it: masked), or null if it is gone. Called from
     * two threads at once when the comparison reads many cases: must be thread-safe.
     */
    @FunctionalInterface
    public interface Records {
        CaseRecord read(CaseKey key) throws StoreException;
    }

    private SummaryComparison() {}

    /**
     * @param before      the baseline side: header, every case's summary ({@link CaseSummary}) and events
     * @param after       the run compared with it, likewise
     * @param beforeGates {@code before} gated on its own, or null; {@code afterGates} likewise against it
     */
    public static RunComparison build(RunCases before, RunCases after, Records beforeRecords, Records afterRecords,
                                      SnapshotSource snapshots, GateReport beforeGates, GateReport afterGates)
            throws StoreException {
        return buildAwaitingGates(before, after, beforeRecords, afterRecords, snapshots, metricDeltas(before, after),
                () -> beforeGates, () -> afterGates, EVERY_FLIP, key -> 0);
    }

    /**
     * The metric deltas of two runs (pass rates, latency, tokens, cost, with their paired bootstraps), computed on
     * a thread of their own from the cases alone: a caller starts them as soon as it has the cases, so they
     * overlap with its reading and masking.
     */
    public static CompletableFuture<List<MetricDelta>> metricDeltas(RunCases before, RunCases after) {
        return CompletableFuture.supplyAsync(() -> MetricDeltas.between(before, after));
    }

    /** Every flip read in full: the comparison a reader of all its changes (JSON, Markdown, report, window) needs. */
    public static final int EVERY_FLIP = Integer.MAX_VALUE;

    /**
     * As {@link #build(RunCases, RunCases, Records, Records, SnapshotSource, GateReport, GateReport)}, with the
     * gate reports asked for only once everything else is built, so a caller can compute them meanwhile (a
     * supplier may block until they are ready; either may supply null).
     *
     * <p>Reads in full only the first {@code flipsRead} cases that flipped to fail, and the first that flipped to
     * pass, in comparison order ({@link #EVERY_FLIP}: all of them): the rest are listed with their kind and key
     * only (no records, no diff), counted as ever. For a reader that shows a few changes (the terminal shows the
     * first 20): a flip is known from the summaries, so its records are read only to be shown. Every other change
     * is read, since whether an output changed is known only from its records.
     *
     * <p>Changed cases are listed within a kind in the order {@code place} gives (the workspace's: {@code
     * WorkspaceOrder}; {@code key -> 0}: {@link CaseKey#ORDER}); the flips read in full are the first in that order.
     *
     * @param metrics {@link #metricDeltas} of these runs' cases, started by the caller
     */
    public static RunComparison buildAwaitingGates(RunCases before, RunCases after, Records beforeRecords,
                                                   Records afterRecords, SnapshotSource snapshots,
                                                   CompletableFuture<List<MetricDelta>> metrics,
                                                   Supplier<GateReport> beforeGates, Supplier<GateReport> afterGates,
                                                   int flipsRead, ToIntFunction<CaseKey> place) throws StoreException {
        List<CasePair<ScoredCase>> read = new ArrayList<>();
        List<CaseChange> unread = new ArrayList<>();
        int toFail = 0;
        int toPass = 0;
        // Only the pairs whose records tell their change are put in order: the rest are counted, never listed.
        List<CasePair<ScoredCase>> toRead = new ArrayList<>();
        for (CasePair<ScoredCase> pair : CaseAlignment.<ScoredCase>align(before.cases(), after.cases())) {
            if (needsRecords(pair)) toRead.add(pair);
        }
        for (CasePair<ScoredCase> pair : inOrder(toRead, place)) {
            boolean both = pair.before() != null && pair.after() != null;
            if (both && pair.flippedToFail() && ++toFail > flipsRead) {
                unread.add(new CaseChange(CaseChange.Kind.PASS_TO_FAIL, pair.key(), null, null, null));
            } else if (both && pair.flippedToPass() && ++toPass > flipsRead) {
                unread.add(new CaseChange(CaseChange.Kind.FAIL_TO_PASS, pair.key(), null, null, null));
            } else {
                read.add(pair);
            }
        }
        // The reads and diffs of the later half run on a pool thread while this one does the first half.
        int half = read.size() < SPLIT_AT ? read.size() : read.size() / 2;
        CompletableFuture<List<CaseChange>> laterHalf = half == read.size() ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> classifyUnchecked(read.subList(half, read.size()), beforeRecords, afterRecords));
        List<CaseChange> changes = new ArrayList<>(classifyAll(read.subList(0, half), beforeRecords, afterRecords));
        changes.addAll(joinedReads(laterHalf));
        // Within a kind the flips read are the first in that order, so appending the others keeps it.
        changes.addAll(unread);
        // stable sort: keeps that order within each kind, as CaseChanges does
        changes.sort(Comparator.comparing(CaseChange::kind));
        StoredRun beforeTuples = tuples(before, beforeRecords);
        StoredRun afterTuples = tuples(after, afterRecords);
        return new RunComparison(shown(before, changes, true), shown(after, changes, false),
                EvalSetEdits.annotate(VersionDiff.between(beforeTuples, afterTuples), beforeTuples, afterTuples, snapshots,
                        before.cases(), after.cases()),
                TemplateDiffs.between(beforeTuples, afterTuples, snapshots),
                changes,
                CaseAlignment.matched(before.cases(), after.cases()).size(),
                joined(metrics),
                ComparisonBuilder.gateDeltas(before, beforeGates.get(), after, afterGates.get()),
                RunTally.of(before.cases()), RunTally.of(after.cases()));
    }

    /**
     * {@code pairs} in the order {@code place} gives their cases (either side's key); pairs in the same place (a
     * case's samples and routes, cases {@code place} does not know, every case when no workspace is at hand) in
     * {@link CaseKey#ORDER}, not in the order concurrency happened to finish them.
     */
    static <T extends ScoredCase> List<CasePair<T>> inOrder(List<CasePair<T>> pairs, ToIntFunction<CaseKey> place) {
        List<CasePair<T>> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.<CasePair<T>>comparingInt(p -> place.applyAsInt(either(p).key()))
                .thenComparing(p -> either(p).key(), CaseKey.ORDER));
        return sorted;
    }

    private static <T extends ScoredCase> T either(CasePair<T> pair) {
        return pair.before() != null ? pair.before() : pair.after();
    }

    /** The value of work done on another thread; its unchecked failure is rethrown as it was thrown. */
    public static <T> T joined(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /** Below this many cases to read, one thread reads them all: a second would cost more than it saves. */
    private static final int SPLIT_AT = 64;

    /** Whether the pair's change can be known only from its records (see {@link #classify}). */
    private static boolean needsRecords(CasePair<ScoredCase> pair) {
        if (pair.before() == null || pair.after() == null) return true;
        return pair.flippedToFail() || pair.flippedToPass() || !sameOutput(pair.before(), pair.after());
    }

    /** The changes among the pairs, in their order. */
    private static List<CaseChange> classifyAll(List<CasePair<ScoredCase>> pairs, Records beforeRecords, Records afterRecords)
            throws StoreException {
        List<CaseChange> changes = new ArrayList<>();
        for (CasePair<ScoredCase> pair : pairs) {
            CaseChange change = classify(pair, beforeRecords, afterRecords);
            if (change != null) changes.add(change);
        }
        return changes;
    }

    private static List<CaseChange> classifyUnchecked(List<CasePair<ScoredCase>> pairs, Records beforeRecords, Records afterRecords) {
        try {
            return classifyAll(pairs, beforeRecords, afterRecords);
        } catch (StoreException e) {
            throw new CompletionException(e);
        }
    }

    /** {@link #joined} for reads, whose StoreException comes back as it was thrown. */
    private static List<CaseChange> joinedReads(CompletableFuture<List<CaseChange>> reads) throws StoreException {
        try {
            return joined(reads);
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreException s) throw s;
            throw e;
        }
    }

    private static CaseChange classify(CasePair<ScoredCase> pair, Records beforeRecords, Records afterRecords)
            throws StoreException {
        if (pair.before() == null) {
            return new CaseChange(CaseChange.Kind.ONLY_AFTER, pair.key(), null, afterRecords.read(pair.after().key()), null);
        }
        if (pair.after() == null) {
            return new CaseChange(CaseChange.Kind.ONLY_BEFORE, pair.key(), beforeRecords.read(pair.before().key()), null, null);
        }
        boolean flipped = pair.flippedToFail() || pair.flippedToPass();
        if (!flipped && sameOutput(pair.before(), pair.after())) return null;
        CaseRecord a = beforeRecords.read(pair.before().key());
        CaseRecord b = afterRecords.read(pair.after().key());
        if (a == null || b == null) {
            throw new StoreException("case " + pair.key() + " was removed from its run while the comparison read it");
        }
        OutputDiff diff = OutputDiff.between(OutputText.of(a), OutputText.of(b));
        if (pair.flippedToFail()) return new CaseChange(CaseChange.Kind.PASS_TO_FAIL, pair.key(), a, b, diff);
        if (pair.flippedToPass()) return new CaseChange(CaseChange.Kind.FAIL_TO_PASS, pair.key(), a, b, diff);
        return diff.changed() ? new CaseChange(CaseChange.Kind.OUTPUT_CHANGED, pair.key(), a, b, diff) : null;
    }

    /** Known equal without reading: both fingerprints present and equal. */
    static boolean sameOutput(ScoredCase a, ScoredCase b) {
        Long left = a instanceof CaseSummary s ? s.outputFingerprint() : null;
        Long right = b instanceof CaseSummary s ? s.outputFingerprint() : null;
        return left != null && left.equals(right);
    }

    /** The side's header and events with the records of the changed cases on that side, in comparison order. */
    private static StoredRun shown(RunCases run, List<CaseChange> changes, boolean before) {
        List<CaseRecord> records = new ArrayList<>();
        for (CaseChange c : changes) {
            CaseRecord r = before ? c.before() : c.after();
            if (r != null) records.add(r);
        }
        return new StoredRun(run.header(), records, run.events());
    }

    /** One record per suite, prompt and route of the run, in stored order. */
    private static StoredRun tuples(RunCases run, Records records) throws StoreException {
        Set<String> seen = new HashSet<>();
        List<CaseRecord> kept = new ArrayList<>();
        for (ScoredCase c : run.cases()) {
            CaseKey k = c.key();
            if (!seen.add(k.suite() + "\u0000" + k.promptId() + "\u0000" + k.route())) continue;
            CaseRecord r = records.read(k);
            if (r != null) kept.add(r);
        }
        return new StoredRun(run.header(), kept, run.events());
    }
}
