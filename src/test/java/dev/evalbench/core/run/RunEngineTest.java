package dev.evalbench.core.run;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.cli.Cli;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.route.FakeRouteCaller;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine over the real sample workspace, real renderer, validator, decider and evaluator, and a real SQLite file. */
class RunEngineTest {
    static final String VALID = "{\"category\":\"bug\",\"priority\":\"medium\",\"action\":\"reply\",\"order_id\":null,\"reply\":\"Thanks, we are on it.\"}";

    @TempDir
    Path tmp;

    Workspace ws;
    RunStore store;
    final AppInfo app = new AppInfo("test", null);

    @BeforeEach
    void setUp() throws Exception {
        ws = Components.loadChecked(Cli.SAMPLE, Map.of());
        store = SqliteRunStore.open(tmp.resolve("history.db"));
    }

    private RunEngine engine() {
        return new RunEngine(store, Components.processor(ws, Clock.systemUTC()), Clock.systemUTC());
    }

    private int totalCases() {
        return ws.suites().stream().mapToInt(s -> s.cases().size()).sum();
    }

    @Test
    void storesEveryCaseWithItsVersionTupleAndReportsProgress() throws Exception {
        FakeRouteCaller caller = FakeRouteCaller.answering(user -> VALID);
        List<Integer> progress = new CopyOnWriteArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void caseFinished(CaseRecord record, int done, int total) {
                progress.add(done);
            }
        };
        RunHeader header = engine().start(ws, new RunConfig(List.of("offline"), List.of(), 2, 4, "off"), app, caller, listener, new Cancellation());

        assertThat(header.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(header.plannedCases()).isEqualTo(2 * totalCases());
        List<CaseRecord> cases = store.cases(header.id());
        assertThat(cases).hasSize(2 * totalCases());
        assertThat(progress).hasSize(cases.size()).containsAll(List.of(1, cases.size()));
        CaseRecord first = cases.get(0);
        assertThat(first.versions().promptId()).isEqualTo("triage");
        assertThat(first.versions().promptHash()).isEqualTo(ws.prompts().get("triage").contentHash());
        assertThat(first.versions().policyHash()).isEqualTo(ws.policy().hash());
        assertThat(first.versions().evalSetHash()).isEqualTo(ws.suite(first.key().suite()).datasetHash());
        assertThat(first.versions().appVersion()).isEqualTo("test");
        assertThat(first.messages()).isNotEmpty();
        assertThat(first.traceId()).hasSize(32);
        assertThat(first.schemaValid()).isTrue();
        assertThat(header.inputs()).containsKeys("evalbench.yaml", "prompts/triage.yaml", "datasets/tickets.jsonl", "policy.yaml");
        assertThat(store.snapshot(header.inputs().get("prompts/triage.yaml"))).isPresent();
        // Samples after the first bypass the cache.
        Set<String> tracesSeen = new HashSet<>();
        caller.requests().forEach(r -> tracesSeen.add(r.traceparent().substring(3, 35)));
        assertThat(tracesSeen).hasSize(cases.size());
    }

    /** Workers take the next case when free: the pool gets one task per worker, never one (and a case) per planned case. */
    @Test
    void thePoolGetsOneTaskPerWorkerNotOnePerCase() throws Exception {
        List<java.util.concurrent.ThreadPoolExecutor> pools = new CopyOnWriteArrayList<>();
        WorkerPools counted = (runId, threads) -> {
            var pool = (java.util.concurrent.ThreadPoolExecutor) java.util.concurrent.Executors.newFixedThreadPool(threads);
            pools.add(pool);
            return pool;
        };
        RunEngine engine = new RunEngine(store, Components.processor(ws, Clock.systemUTC()), Clock.systemUTC(), counted);

        RunHeader header = engine.start(ws, new RunConfig(List.of("offline"), List.of(), 3, 2, "off"), app,
                FakeRouteCaller.answering(user -> VALID), new RunListener() {}, new Cancellation());

        assertThat(header.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(header.plannedCases()).isEqualTo(3 * totalCases()).isGreaterThan(2);
        assertThat(store.cases(header.id())).hasSize(header.plannedCases());
        assertThat(pools).hasSize(1);
        assertThat(pools.get(0).getTaskCount()).isEqualTo(2);
    }

    @Test
    void providerTroubleIsARecordedOutcomeAndTheRunCompletes() throws Exception {
        // The model's calls about refunds fail, not the judge's (its rubric quotes the ticket): a judge's route that
        // gives no answer leaves the case for resume (JudgeRouteDownTest).
        FakeRouteCaller caller = new FakeRouteCaller(user -> user.contains("crash") ? "not json at all" : VALID,
                user -> user.contains("refund") && !user.contains("The reply to grade") ? FailureKind.SERVER_ERROR : null);
        RunHeader header = engine().start(ws, new RunConfig(List.of("offline"), List.of("triage"), 1, 4, "off"), app, caller, RunListener.NONE, new Cancellation());

        assertThat(header.status()).isEqualTo(RunStatus.COMPLETE);
        List<CaseRecord> cases = store.cases(header.id());
        assertThat(cases).anySatisfy(c -> {
            assertThat(c.failureKind()).isEqualTo("SERVER_ERROR");
            assertThat(c.passed()).isFalse();
            assertThat(c.decision().accepted()).isFalse();
        });
        assertThat(cases).anySatisfy(c -> {
            assertThat(c.failureKind()).isNull();
            assertThat(c.rawOutput()).isEqualTo("not json at all");
            assertThat(c.schemaValid()).isFalse();
            assertThat(c.parsed()).isNull();
        });
    }

    /** A run of every suite, one case at a time, cancelled as its 40th call is answered. */
    private RunHeader stoppedAtTheFortiethCall() throws Exception {
        Cancellation cancellation = new Cancellation();
        AtomicInteger calls = new AtomicInteger();
        FakeRouteCaller caller = FakeRouteCaller.answering(user -> {
            if (calls.incrementAndGet() == 40) cancellation.cancel();
            return VALID;
        });
        RunConfig config = new RunConfig(List.of("offline"), List.of(), 1, 1, "off");
        return engine().start(ws, config, app, caller, RunListener.NONE, cancellation);
    }

    @Test
    void cancelledRunKeepsFinishedCasesAndResumeRunsOnlyTheRest() throws Exception {
        RunHeader stopped = stoppedAtTheFortiethCall();

        assertThat(stopped.status()).isEqualTo(RunStatus.INCOMPLETE);
        int before = store.cases(stopped.id()).size();
        assertThat(before).isBetween(1, totalCases() - 1);
        Set<dev.evalbench.core.record.CaseKey> storedBefore = store.finishedKeys(stopped.id());

        FakeRouteCaller second = FakeRouteCaller.answering(user -> VALID);
        RunHeader resumed = engine().resume(stopped, ws, app, second, RunListener.NONE, new Cancellation());

        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(store.cases(stopped.id())).hasSize(totalCases());
        // one call per case left, and one call of the sample's grader for each triage case left (all answered VALID)
        String grader = ws.routes().get("grader").model();
        long caseCalls = second.requests().stream().filter(r -> !r.model().equals(grader)).count();
        long triageLeft = store.cases(stopped.id()).stream()
                .filter(c -> c.key().suite().equals("triage") && !storedBefore.contains(c.key())).count();
        assertThat(caseCalls).isEqualTo(totalCases() - before);
        assertThat(second.requests().size() - caseCalls).isEqualTo(triageLeft);
    }

    /**
     * A resumed run's progress counts the cases found done as well as those it runs: the run bar said "complete:
     * 159 / 159  openai: pass 16 fail 51" after a resume, 67 cases counted of 159, and the CLI's "not passed" alike.
     */
    @Test
    void aResumedRunsProgressCountsTheCasesFoundDone() throws Exception {
        RunHeader stopped = stoppedAtTheFortiethCall();
        assertThat(store.finishedKeys(stopped.id())).isNotEmpty();

        CoalescingListenerTest.Recorder sink = new CoalescingListenerTest.Recorder();
        engine().resume(stopped, ws, app, FakeRouteCaller.answering(user -> VALID), new CoalescingListener(sink),
                new Cancellation());

        ProgressSnapshot last = sink.last();
        ProgressSnapshot.RouteCounts offline = last.routes().get("offline");
        assertThat(last.done()).isEqualTo(totalCases());
        assertThat(offline.passed() + offline.failed() + offline.errored()).as("every case counted once")
                .isEqualTo(totalCases());
        long stored = store.summaries(stopped.id()).stream().filter(dev.evalbench.core.record.CaseSummary::passed).count();
        assertThat(offline.passed()).as("the passes the history holds").isEqualTo((int) stored);
    }

    @Test
    void aRunWhoseThreadIsInterruptedStoresNoCaseItCutShortAndResumeAnswersThem() throws Exception {
        // The workbench stops its task threads when it closes or is sent SIGTERM mid-run: the engine's caller is
        // interrupted, not cancelled. The cases in flight then end as CANCELLED failures, which must not be
        // stored as finished (resume would skip them and the gates would count them).
        java.util.concurrent.CountDownLatch inFlight = new java.util.concurrent.CountDownLatch(2);
        AtomicInteger calls = new AtomicInteger();
        FakeRouteCaller caller = new FakeRouteCaller(user -> VALID, user -> {
            if (calls.incrementAndGet() <= 10) return null;
            inFlight.countDown();
            try {
                Thread.sleep(60_000);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return FailureKind.CANCELLED;
            }
        });
        RunConfig config = new RunConfig(List.of("offline"), List.of(), 1, 2, "off");
        var ended = new java.util.concurrent.atomic.AtomicReference<RunHeader>();
        Thread running = new Thread(() -> {
            try {
                ended.set(engine().start(ws, config, app, caller, RunListener.NONE, new Cancellation()));
            } catch (StoreException e) {
                throw new IllegalStateException(e);
            }
        });
        running.start();
        assertThat(inFlight.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("two cases in flight").isTrue();
        running.interrupt();
        running.join(30_000);

        RunHeader stopped = ended.get();
        assertThat(stopped.status()).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(store.cases(stopped.id())).isNotEmpty().allSatisfy(c -> assertThat(c.failureKind()).isNull());
        RunHeader resumed = engine().resume(stopped, ws, app, FakeRouteCaller.answering(user -> VALID),
                RunListener.NONE, new Cancellation());
        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(store.cases(stopped.id())).hasSize(totalCases())
                .allSatisfy(c -> assertThat(c.failureKind()).isNull());
    }

    /**
     * A worker sends its next request while its last case is being committed (64 answers arriving together no
     * longer wait in line for one commit before their next requests); a case counts only once it is stored; and
     * no more than {@link RunEngine#WRITE_AHEAD} finished cases wait for a slow store.
     */
    @Test
    void aWorkerGoesOnWhileItsLastCaseIsCommittedAndACaseCountsOnlyOnceStored() throws Exception {
        java.util.concurrent.CountDownLatch committing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        RunStore slow = new DelegatingStore(store) {
            @Override
            public void appendCase(CaseRecord record) throws StoreException {
                committing.countDown();
                try {
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.appendCase(record);
            }
        };
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger counted = new AtomicInteger();
        FakeRouteCaller caller = FakeRouteCaller.answering(user -> {
            calls.incrementAndGet();
            return VALID;
        });
        RunListener listener = new RunListener() {
            @Override
            public void caseFinished(CaseRecord record, int done, int total) {
                counted.set(done);
            }
        };
        // One worker, the safety suite only (no grader calls), enough cases to fill the write-ahead.
        RunConfig config = new RunConfig(List.of("offline"), List.of("safety"), 20, 1, "off");
        RunEngine engine = new RunEngine(slow, Components.processor(ws, Clock.systemUTC()), Clock.systemUTC());
        var ended = new java.util.concurrent.atomic.AtomicReference<RunHeader>();
        Thread running = new Thread(() -> {
            try {
                ended.set(engine.start(ws, config, app, caller, listener, new Cancellation()));
            } catch (StoreException e) {
                throw new IllegalStateException(e);
            }
        });
        running.start();
        try {
            assertThat(committing.await(30, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the first case is being committed").isTrue();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (calls.get() < RunEngine.WRITE_AHEAD + 1 && System.nanoTime() < deadline) Thread.sleep(5);
            Thread.sleep(300);

            // The first case took one place and is in the commit; 127 more wait; the next one waits for room.
            assertThat(calls.get()).as("requests sent while the first case was being committed")
                    .isEqualTo(RunEngine.WRITE_AHEAD + 1);
            assertThat(counted.get()).as("cases counted before any was stored").isZero();
        } finally {
            release.countDown();
            running.join(60_000);
        }
        RunHeader header = ended.get();
        assertThat(header.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(header.plannedCases()).isGreaterThan(RunEngine.WRITE_AHEAD + 1);
        assertThat(store.cases(header.id())).hasSize(header.plannedCases());
        assertThat(counted.get()).isEqualTo(header.plannedCases());
    }

    /** An Error from the store (out of memory while writing, say) ends the run with a store failure; it never hangs. */
    @Test
    void anErrorWhileStoringStopsTheRunInsteadOfLeavingWorkersWaitingForRoom() throws Exception {
        AtomicInteger appends = new AtomicInteger();
        RunStore breaking = new DelegatingStore(store) {
            @Override
            public void appendCase(CaseRecord record) throws StoreException {
                if (appends.incrementAndGet() > 5) throw new OutOfMemoryError("test: no room to write");
                super.appendCase(record);
            }
        };
        RunEngine engine = new RunEngine(breaking, Components.processor(ws, Clock.systemUTC()), Clock.systemUTC());
        // More cases than may wait for the store, so workers would wait for room behind a dead writer.
        RunConfig config = new RunConfig(List.of("offline"), List.of(), 2, 4, "off");

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () ->
                assertThatThrownBy(() -> engine.start(ws, config, app, FakeRouteCaller.answering(user -> VALID),
                        RunListener.NONE, new Cancellation()))
                        .isInstanceOf(StoreException.class).hasMessageContaining("no room to write"));
        assertThat(store.cases(store.runs(1).get(0).id())).hasSize(5);
    }

    @Test
    void aStoreFailureStopsTheRunAndKeepsWhatWasStored() throws Exception {
        RunStore failing = new FailingStore(store, 10);
        RunEngine engine = new RunEngine(failing, Components.processor(ws, Clock.systemUTC()), Clock.systemUTC());
        FakeRouteCaller caller = FakeRouteCaller.answering(user -> VALID);

        assertThatThrownBy(() -> engine.start(ws, new RunConfig(List.of("offline"), List.of(), 1, 2, "off"), app, caller, RunListener.NONE, new Cancellation()))
                .isInstanceOf(StoreException.class).hasMessageContaining("disk full");
        RunHeader header = store.runs(1).get(0);
        assertThat(header.status()).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(store.cases(header.id())).hasSize(10);
    }
}
