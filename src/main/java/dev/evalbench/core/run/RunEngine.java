package dev.evalbench.core.run;

import dev.evalbench.core.record.RoutePasses;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.route.RouteCaller;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.workspace.Workspace;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a plan with bounded concurrency and stores each case as it finishes.
 *
 * <p>Threads: {@link #start} and {@link #resume} block the calling thread until the run ends (the workbench
 * calls them from its background executor, the CLI from main); cases run on {@code concurrency} worker
 * threads from the engine's {@link WorkerPools}, owned by the call, and are stored by a writer thread of the run's
 * own ({@link CaseWriter}). The listener hears of a case from that writer once it is stored; of route events,
 * from the workers.
 *
 * <p>Failures: provider trouble never ends a run (it is a recorded outcome), but a case an open breaker kept from
 * every route of its chain is no outcome: it is left for resume ({@link LeftCases}). A store failure (disk full, a
 * locked or broken history) stops the run: cases already stored stay, the run is marked incomplete when the
 * store still answers, and {@link StoreException} is thrown. Cancellation ends the run incomplete.
 */
public final class RunEngine {
    /** The kind of the event recorded when no case of a run got an answer from the model. */
    public static final String OUTAGE = RunEvent.OUTAGE;

    /** The fewest finished cases that may wait to be written (twice the concurrency when that is more). */
    static final int WRITE_AHEAD = 128;

    private final RunStore store;
    private final CaseProcessor processor;
    private final Clock clock;
    private final WorkerPools workers;

    public RunEngine(RunStore store, CaseProcessor processor, Clock clock) {
        this(store, processor, clock, WorkerPools.DAEMON);
    }

    /** @param workers makes each run's worker executor (see {@link WorkerPools} for ownership) */
    public RunEngine(RunStore store, CaseProcessor processor, Clock clock, WorkerPools workers) {
        this.store = store;
        this.processor = processor;
        this.clock = clock;
        this.workers = workers;
    }

    /** Snapshots the workspace's inputs, records a new run and executes it. Returns the final header. */
    public RunHeader start(Workspace ws, RunConfig config, AppInfo app, RouteCaller caller,
                           RunListener listener, Cancellation cancellation) throws StoreException {
        return start(ws, config, app, caller, listener, cancellation, dev.evalbench.core.record.RunKind.EVAL);
    }

    /** As {@link #start(Workspace, RunConfig, AppInfo, RouteCaller, RunListener, Cancellation)}, recording the run as {@code kind}. */
    public RunHeader start(Workspace ws, RunConfig config, AppInfo app, RouteCaller caller,
                           RunListener listener, Cancellation cancellation, dev.evalbench.core.record.RunKind kind) throws StoreException {
        RunPlan plan = RunPlan.of(ws, config, app);
        Map<String, String> inputs = snapshotInputs(ws);
        String path = ws.files().describe();
        RunHeader header = RunIds.create(clock, runId -> new RunHeader(runId, ws.name(), path, config, RunStatus.RUNNING,
                clock.instant(), null, app.version(), app.gitCommit(), inputs, plan.size(), ProcessHandle.current().pid(),
                List.of(), kind), store::createRun);
        return execute(header, plan, 0, java.util.Set.of(), caller, listener, cancellation);
    }

    /**
     * Finishes an incomplete run: the same plan, minus the cases already stored. {@code ws} must be the
     * workspace as the run saw it (the caller reloads it from the run's snapshots). After an outage (no stored
     * case got an answer), or of the cases of a route that answered none of them, the unanswered cases are run
     * again, and so are those a judge that graded none of the run's cases errored on (its route refused it); an
     * answered case never is otherwise, nor the failures of a route that answered others.
     */
    public RunHeader resume(RunHeader header, Workspace ws, AppInfo app, RouteCaller caller,
                            RunListener listener, Cancellation cancellation) throws StoreException {
        RunPlan plan = RunPlan.of(ws, header.config(), app);
        // The compact summaries say whether the model answered: reading every stored record in full to learn it
        // held the whole history of a large run in memory.
        List<CaseSummary> stored = store.summaries(header.id());
        // Per route, as per run: a route that answered none of its cases (a key refused, a server down for the whole
        // run) recorded its outage, not its model. Its cases are run again, so that a run of two routes, one of them
        // refused for a revoked key, is not left holding that route's 401s after the key is mended.
        List<CaseSummary> again = RoutePasses.outagesOf(stored);
        List<CaseSummary> kept = stored;
        if (!again.isEmpty()) {
            java.util.Set<dev.evalbench.core.record.CaseKey> keys = new java.util.HashSet<>();
            again.forEach(s -> keys.add(s.key()));
            kept = stored.stream().filter(s -> !keys.contains(s.key())).toList();
            store.discardCases(header.id(), keys);
        }
        java.util.Set<String> answering = RoutePasses.storedRoutes(kept);
        var finished = store.finishedKeys(header.id());
        store.reopenRun(header.id(), ProcessHandle.current().pid());
        listener.resumedWith(kept);
        return execute(header, RunPlan.remaining(plan, finished), finished.size(), answering, caller, listener, cancellation);
    }

    private RunHeader execute(RunHeader header, List<WorkItem> work, int alreadyDone, java.util.Set<String> answeredBefore,
                              RouteCaller caller, RunListener listener, Cancellation cancellation) throws StoreException {
        listener.started(header, alreadyDone);
        int threads = Math.max(1, Math.min(header.config().concurrency(), Math.max(1, work.size())));
        ExecutorService pool = workers.create(header.id(), threads);
        AtomicInteger done = new AtomicInteger(alreadyDone);
        RouteAnswers answered = new RouteAnswers(answeredBefore);
        AtomicReference<StoreException> storeFailure = new AtomicReference<>();
        LeftCases left = new LeftCases();
        // Each worker takes the next case when it is free, and only then is the case built (RunPlan#get): a queue
        // of every case's task would hold every case's trees for the whole run.
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            stopped.set(true);
            pool.shutdownNow();
        };
        cancellation.onCancel(stop);
        CaseWriter writer = new CaseWriter(store, header.id(), Math.max(WRITE_AHEAD, 2 * threads), records -> {
            for (CaseRecord record : records) {
                answered.count(record);
                listener.caseFinished(record, done.incrementAndGet(), header.plannedCases());
            }
        }, failure -> storeFailure.compareAndSet(null, failure));
        try {
            for (int t = 0; t < threads; t++) {
                if (stopped.get()) break; // cancelled while starting the workers
                try {
                    pool.execute(() -> {
                        int i;
                        while (!stopped.get() && !cancellation.isCancelled() && storeFailure.get() == null
                                && (i = next.getAndIncrement()) < work.size()) {
                            runOne(header, work.get(i), caller, cancellation, stopped, writer, storeFailure, left);
                        }
                    });
                } catch (RejectedExecutionException cancelledMeanwhile) {
                    break;
                }
            }
            pool.shutdown();
            // Cancel stops the workers taking cases (the rest stay planned for resume) and interrupts running ones;
            // either way the pool terminates.
            awaitTermination(pool, stop);
        } finally {
            stopped.set(true);
            pool.shutdownNow();
            // The workers have ended (or were never started); the cases they handed over are written before the
            // run is judged complete or not, and before this method returns.
            writer.finish();
        }
        boolean allStored = storeFailure.get() == null && done.get() == header.plannedCases();
        // Every case was tried, but some were never sent: the breaker of their route was open when their turn came.
        boolean allTried = storeFailure.get() == null && done.get() + left.count() == header.plannedCases();
        // A run in which the model answered no case measured the outage, not the model: keep it open for resume. (A case
        // left because its judge got no answer was answered by the model.)
        boolean outage = allTried && header.plannedCases() > 0 && !answered.any() && left.unjudged() == 0;
        // So did a route of several that answered none of its cases while another answered: its cases are run again.
        RunEvent unanswered = allTried && !outage ? answered.unanswered(clock.instant(), left.routes()) : null;
        RunStatus status = allStored && !outage && unanswered == null ? RunStatus.COMPLETE : RunStatus.INCOMPLETE;
        if (storeFailure.get() != null) {
            tryMarkIncomplete(header.id());
            listener.storeFailed(storeFailure.get());
            throw storeFailure.get();
        }
        RunHeader finished;
        try {
            if (outage) {
                store.appendEvent(header.id(), new RunEvent(clock.instant(), OUTAGE, null, "no case got an answer from the model ("
                        + done.get() + " provider failures" + left.inParentheses()
                        + "); the run is incomplete and resume retries those cases"));
            } else if (allTried && left.count() > 0) {
                // Not also told to the listener: the run's end says it (the closing line, the run bar), once.
                store.appendEvent(header.id(), left.event(clock.instant()));
            }
            if (unanswered != null) store.appendEvent(header.id(), unanswered);
            store.finishRun(header.id(), status, clock.instant());
            finished = store.run(header.id()).orElseThrow(() -> new StoreException("run " + header.id() + " vanished from the history"));
        } catch (StoreException e) {
            listener.storeFailed(e);
            throw e;
        }
        listener.finished(finished);
        return finished;
    }

    private void runOne(RunHeader header, WorkItem item, RouteCaller caller, Cancellation cancellation,
                        AtomicBoolean stopped, CaseWriter writer, AtomicReference<StoreException> storeFailure,
                        LeftCases left) {
        if (cancellation.isCancelled() || storeFailure.get() != null) return;
        CaseRecord record;
        try {
            record = processor.process(header.id(), item, caller);
        } catch (RuntimeException e) {
            // A bug in one case's processing is that case's recorded outcome, not the run's end.
            record = processor.crashed(header.id(), item, e);
        }
        // A case cut short by cancel, or by the caller's thread being interrupted (the workbench closing its task
        // threads as it stops), is not finished: leave it for resume rather than store a failure.
        if ((cancellation.isCancelled() || stopped.get()) && record.failureKind() != null) return;
        // Refused by an open breaker, with no fallback that answered: no model saw it, so its "failure" would measure
        // the breaker, not the model. Or a judge's route gave no answer: its ERROR would count against the judge's pass
        // rate a reply nobody graded (a judge's call cut short by cancel among them). Left for resume, as a cancelled
        // case is.
        if (left.tookIfLeft(record)) return;
        // Counted (done, the listener) by the writer once committed; the worker goes on to its next case meanwhile.
        writer.submit(record);
    }

    private Map<String, String> snapshotInputs(Workspace ws) throws StoreException {
        Map<String, String> inputs = new TreeMap<>();
        for (String path : ws.inputDigests().keySet()) {
            try {
                String stored = store.putSnapshot(ws.files().read(path));
                // The snapshot must be the bytes the run was planned from, or resume and reports would lie.
                if (!stored.equals(ws.inputDigests().get(path))) {
                    throw new StoreException(path + " changed on disk while the run was starting; run again");
                }
                inputs.put(path, stored);
            } catch (IOException e) {
                throw new StoreException("cannot read " + path + " to snapshot it: " + e.getMessage(), e);
            }
        }
        return inputs;
    }

    private void tryMarkIncomplete(String runId) {
        try {
            store.finishRun(runId, RunStatus.INCOMPLETE, clock.instant());
        } catch (StoreException ignored) {
            // The store already failed; the run reads as incomplete anyway once this process is gone.
        }
    }

    private static void awaitTermination(ExecutorService pool, Runnable stop) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.HOURS)) break;
            } catch (InterruptedException e) {
                // The caller's thread was interrupted: treat it as a cancel, then still wait for the workers,
                // so no case is half-stored when we return.
                interrupted = true;
                stop.run();
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
