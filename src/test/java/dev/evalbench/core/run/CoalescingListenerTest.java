package dev.evalbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.cli.Cli;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.route.FakeRouteCaller;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coalescing adapter over a fake clock: how many snapshots, which batches, the last snapshot, failures. */
class CoalescingListenerTest {
    static final long MS = 1_000_000L;

    @TempDir
    Path tmp;

    final AtomicLong now = new AtomicLong();
    final Recorder sink = new Recorder();
    final CoalescingListener listener = new CoalescingListener(sink, key -> List.of("tag-" + key.suite()), now::get,
            CoalescingListener.DEFAULT_INTERVAL);

    @Test
    void aThousandCasesOverTwoSecondsGiveAtMostTwentyTwoSnapshotsAndEveryCaseOnce() {
        int m = 1000;
        listener.started(header(m), 0);
        for (int i = 1; i <= m; i++) {
            now.addAndGet(2 * MS); // 2 s in all: at most one snapshot per 100 ms, plus the opening and the final one
            listener.caseFinished(record("c" + i, i % 7 != 0), i, m);
        }
        listener.finished(header(m));

        assertThat(sink.snapshots).hasSizeLessThanOrEqualTo(1 + 20 + 1);
        assertThat(sink.snapshots).hasSizeGreaterThan(10);
        assertThat(sink.caseIds()).hasSize(m).doesNotHaveDuplicates();
        assertThat(sink.batches).allSatisfy(b -> assertThat(b).isNotEmpty());
        assertThat(sink.batches.get(0).get(0).tags()).containsExactly("tag-triage");
        ProgressSnapshot last = sink.snapshots.get(sink.snapshots.size() - 1);
        assertThat(last.finished()).isTrue();
        assertThat(last.done()).isEqualTo(m);
        assertThat(last.routes().get("offline")).isEqualTo(new ProgressSnapshot.RouteCounts(m - m / 7, m / 7, 0));
        assertThat(last.elapsed()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theFinalSnapshotComesEvenWhenTheRunEndsWithinOneInterval() {
        listener.started(header(3), 0);
        for (int i = 1; i <= 3; i++) listener.caseFinished(record("c" + i, true), i, 3); // no time passes
        assertThat(sink.caseIds()).isEmpty();

        listener.finished(header(3));

        assertThat(sink.caseIds()).containsExactly("c1", "c2", "c3");
        assertThat(sink.snapshots).hasSize(2); // the opening one and the final one
        assertThat(sink.snapshots.get(1).finished()).isTrue();
        assertThat(sink.finished).isTrue();
    }

    @Test
    void noEtaUntilThePaceIsKnownThenOneFromThePaceAfterTheFirstCase() {
        listener.started(header(100), 0);
        now.addAndGet(1500 * MS); // a slow first case: warm-up
        listener.caseFinished(record("c1", true), 1, 100);
        assertThat(sink.last().eta()).as("1.5 s passed, one case: the pace is a guess but time has passed")
                .contains(Duration.ofMillis(1500 * 99));
        for (int i = 2; i <= 5; i++) {
            now.addAndGet(100 * MS);
            listener.caseFinished(record("c" + i, true), i, 100);
        }
        // 4 cases in 400 ms after the first: 100 ms each, 95 left. The warm-up does not count.
        assertThat(sink.last().eta()).contains(Duration.ofMillis(9500));

        CoalescingListener fresh = new CoalescingListener(sink, k -> List.of(), now::get, Duration.ofMillis(100));
        fresh.started(header(100), 0);
        now.addAndGet(150 * MS);
        fresh.caseFinished(record("d1", true), 1, 100);
        assertThat(sink.last().eta()).as("one case in 150 ms").isEmpty();
    }

    /**
     * Two routes share the workers: eight cases of a scripted route (10 ms of a worker each) and one of a model's (400 ms)
     * in the first 800 ms after the first case. Counted alone, the 11 cases left read 1.1 s; nine of them are the
     * model's, and they take 6.8 s at the pace the run shows.
     */
    @Test
    void aRunOfTwoRoutesWeighsTheCasesLeftByHowLongEachRoutesCasesTake() {
        RunHeader two = new RunHeader("r1", "ws", "/ws", new RunConfig(List.of("fast", "slow"), List.of(), 1, 4, "off"),
                RunStatus.RUNNING, Instant.EPOCH, null, "test", null, Map.of(), 20, 1L, List.of());
        listener.started(two, 0);
        int done = 0;
        for (int i = 1; i <= 8; i++) {
            now.addAndGet(100 * MS);
            listener.caseFinished(CaseRecords.builder("r1", "triage", "c" + i).route("fast").latencyMs(10).build(), ++done, 20);
        }
        now.addAndGet(100 * MS);
        listener.caseFinished(CaseRecords.builder("r1", "triage", "c1").route("slow").latencyMs(400).build(), ++done, 20);
        listener.flushIfDue();
        // 100 ms a case on average (800 ms over 8 cases after the first), 53.3 ms of a worker each: 2 × 10 + 9 × 400 ms of
        // work left, at that rate.
        assertThat(sink.last().eta()).isPresent();
        assertThat(sink.last().eta().get().toNanos()).isCloseTo(6_787_500_000L, org.assertj.core.data.Offset.offset(MS));
    }

    @Test
    void pendingCasesGoOutWhenATimerFlushesAfterTheInterval() {
        listener.started(header(10), 0);
        now.addAndGet(100 * MS);
        listener.caseFinished(record("c1", true), 1, 10);
        listener.caseFinished(record("c2", false), 2, 10); // same instant: waits
        assertThat(sink.caseIds()).containsExactly("c1");

        listener.flushIfDue();
        assertThat(sink.caseIds()).containsExactly("c1");
        now.addAndGet(100 * MS);
        listener.flushIfDue();

        assertThat(sink.caseIds()).containsExactly("c1", "c2");
        assertThat(sink.last().notPassed()).isEqualTo(1);
    }

    @Test
    void casesFromManyThreadsArriveInBatchesEachExactlyOnce() throws Exception {
        int m = 2000;
        listener.started(header(m), 0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicLong done = new AtomicLong();
        for (int i = 1; i <= m; i++) {
            String id = "c" + i;
            pool.execute(() -> {
                now.addAndGet(MS);
                listener.caseFinished(record(id, true), (int) done.incrementAndGet(), m);
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        listener.finished(header(m));

        assertThat(sink.caseIds()).hasSize(m).doesNotHaveDuplicates();
        assertThat(sink.last().done()).isEqualTo(m);
        assertThat(sink.snapshots).hasSizeLessThanOrEqualTo(1 + 20 + 1);
    }

    @Test
    void aCountThatArrivesLateNeverTakesTheProgressLineBackwards() {
        // Worker A stores case 6 and is descheduled; B and C store 7 and 8 and report first.
        listener.started(header(32), 0);
        now.addAndGet(200 * MS);
        listener.caseFinished(record("c8", true), 8, 32);
        now.addAndGet(200 * MS);
        listener.caseFinished(record("c6", false), 6, 32);

        assertThat(sink.snapshots).extracting(ProgressSnapshot::done).containsExactly(0, 8, 8);
        assertThat(sink.last().notPassed()).isEqualTo(1);
    }

    @Test
    void underConcurrencyDoneAndNotPassedOnlyGrow() throws Exception {
        int m = 4000;
        listener.started(header(m), 0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicLong done = new AtomicLong();
        for (int i = 1; i <= m; i++) {
            String id = "c" + i;
            boolean passed = i % 3 != 0;
            pool.execute(() -> {
                int mine = (int) done.incrementAndGet();
                Thread.yield(); // widen the gap between taking a number and reporting it
                now.addAndGet(MS);
                listener.caseFinished(record(id, passed), mine, m);
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        listener.finished(header(m));

        List<ProgressSnapshot> seen = List.copyOf(sink.snapshots);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).done()).as("snapshot " + i).isGreaterThanOrEqualTo(seen.get(i - 1).done());
            assertThat(seen.get(i).notPassed()).as("snapshot " + i).isGreaterThanOrEqualTo(seen.get(i - 1).notPassed());
        }
        assertThat(sink.last().done()).isEqualTo(m);
        assertThat(sink.last().notPassed()).isEqualTo(m / 3);
    }

    @Test
    void aStoreFailureInARealRunReachesTheSinkAfterTheCasesStoredBeforeIt() throws Exception {
        Workspace ws = Components.loadChecked(Cli.SAMPLE, Map.of());
        try (SqliteRunStore store = SqliteRunStore.open(tmp.resolve("history.db"))) {
            RunEngine engine = new RunEngine(new FailingStore(store, 10), Components.processor(ws, Clock.systemUTC()),
                    Clock.systemUTC(), (id, threads) -> Executors.newSingleThreadExecutor());
            FakeRouteCaller caller = FakeRouteCaller.answering(user -> RunEngineTest.VALID);
            CoalescingListener real = new CoalescingListener(sink);

            assertThatThrownBy(() -> engine.start(ws, new RunConfig(List.of("offline"), List.of(), 1, 2, "off"),
                    new AppInfo("test", null), caller, real, new Cancellation())).isInstanceOf(StoreException.class);

            assertThat(sink.failure).isNotNull().hasMessageContaining("disk full");
            assertThat(sink.caseIds()).hasSize(10);
            assertThat(sink.last().finished()).isTrue();
            assertThat(sink.last().done()).isEqualTo(10);
            assertThat(sink.finished).isFalse();
        }
    }

    static RunHeader header(int planned) {
        return new RunHeader("r1", "ws", "/ws", new RunConfig(List.of("offline"), List.of(), 1, 4, "off"),
                RunStatus.RUNNING, Instant.EPOCH, null, "test", null, Map.of(), planned, 1L, List.of());
    }

    static CaseRecord record(String caseId, boolean passed) {
        return CaseRecords.sample("r1", "triage", caseId, passed, 10);
    }

    /** Records what a front end would receive; calls are serialized by the listener. */
    static final class Recorder implements CoalescingListener.Sink {
        final List<ProgressSnapshot> snapshots = new CopyOnWriteArrayList<>();
        final List<List<CaseSummary>> batches = new CopyOnWriteArrayList<>();
        volatile StoreException failure;
        volatile boolean finished;

        @Override
        public void progress(ProgressSnapshot snapshot) {
            snapshots.add(snapshot);
        }

        @Override
        public void cases(List<CaseSummary> batch) {
            batches.add(batch);
        }

        @Override
        public void finished(RunHeader header) {
            finished = true;
        }

        @Override
        public void storeFailed(StoreException e) {
            failure = e;
        }

        ProgressSnapshot last() {
            return snapshots.get(snapshots.size() - 1);
        }

        List<String> caseIds() {
            List<String> ids = new ArrayList<>();
            batches.forEach(b -> b.forEach(s -> ids.add(s.key().caseId())));
            return ids;
        }
    }
}
