package dev.evalbench.core.run;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A {@link RunListener} that turns the engine's per-case calls from many worker threads into what a front end
 * can draw without flooding its UI thread: at most one {@link ProgressSnapshot} per interval (100 ms by default,
 * so about ten a second) and the finished cases as {@link CaseSummary} batches.
 *
 * <p>Delivery: a case that arrives when the interval has passed delivers, on that worker thread, the pending
 * batch and a snapshot. Cases that arrive sooner wait in the batch; {@link #flushIfDue()} delivers them when
 * a front end's timer calls it (so a slow provider does not hold a batch back). {@link #finished} always
 * delivers the rest and a final snapshot, however soon it comes; so does a store failure, after which
 * {@link Sink#storeFailed} is called. Every case is delivered in exactly one batch.
 *
 * <p>Threads: any thread may call any method. Calls into the {@link Sink} are made under one lock, one at a
 * time and in order (a batch before the snapshot that counts it), on whichever thread delivered; a sink must
 * return quickly (post to its UI thread and return).
 *
 * <p>ETA: none until the pace is known, that is three cases of this session finished or one second passed
 * with at least one finished. The pace is taken from the first finished case on when three are in, so the
 * first case's warm-up (class loading, connections) does not stretch it. A run of several routes shares its
 * workers among them, so the cases left are weighed by how long a case of their route holds a worker (its start to
 * its end) against the run's average: a scripted route done in a second and a model answering in 400 ms read
 * "ETA 0:07" at half way by the count of cases alone, with a minute and more to go.
 */
public final class CoalescingListener implements RunListener {
    /** What a front end receives. Calls are serialized; see the class comment for the thread. */
    public interface Sink {
        default void started(RunHeader header, int alreadyDone) {}

        void progress(ProgressSnapshot snapshot);

        void cases(List<CaseSummary> batch);

        default void event(RunEvent event) {}

        default void finished(RunHeader header) {}

        default void storeFailed(StoreException failure) {}
    }

    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);
    private static final int PACE_CASES = 3;
    private static final long PACE_NANOS = 1_000_000_000L;

    private final Sink sink;
    private final Function<CaseKey, List<String>> tags;
    private final LongSupplier nanoTime;
    private final long intervalNanos;

    private final Object lock = new Object();
    private final List<CaseSummary> pending = new ArrayList<>();
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    /** By route, this session's cases: how many, and the nanoseconds they held a worker in all. */
    private final Map<String, long[]> work = new java.util.HashMap<>();
    private List<String> routes = List.of();
    private long startNanos;
    private long firstCaseNanos;
    private long lastDelivery;
    private boolean dirty;
    private int done;
    private int total;
    private int alreadyDone;
    private boolean ended;

    /** Real time, 100 ms interval, cases without tags. */
    public CoalescingListener(Sink sink) {
        this(sink, key -> List.of(), System::nanoTime, DEFAULT_INTERVAL);
    }

    /**
     * @param tags     a case's dataset tags, for its summary (see {@link #tagsOf})
     * @param nanoTime a monotonic clock (tests pass a fake one)
     * @param interval the least time between two snapshots
     */
    public CoalescingListener(Sink sink, Function<CaseKey, List<String>> tags, LongSupplier nanoTime, Duration interval) {
        this.sink = sink;
        this.tags = tags;
        this.nanoTime = nanoTime;
        this.intervalNanos = interval.toNanos();
    }

    /** Tags by (suite, case id) from a workspace's datasets. */
    public static Function<CaseKey, List<String>> tagsOf(dev.evalbench.core.workspace.Workspace ws) {
        Map<String, List<String>> byCase = new java.util.HashMap<>();
        ws.suites().forEach(s -> s.cases().forEach(c -> byCase.put(s.name() + "\u0000" + c.id(),
                c.tags() == null ? List.of() : List.copyOf(c.tags()))));
        return key -> byCase.getOrDefault(key.suite() + "\u0000" + key.caseId(), List.of());
    }

    @Override
    public void resumedWith(List<CaseSummary> alreadyDone) {
        synchronized (lock) {
            for (CaseSummary s : alreadyDone) count(s);
        }
    }

    /** Counts one stored case under its route, as passed, errored or failed. Under the lock. */
    private void count(CaseSummary summary) {
        int[] c = counts.computeIfAbsent(summary.key().route(), r -> new int[3]);
        c[summary.passed() ? 0 : summary.errored() ? 2 : 1]++;
    }

    @Override
    public void started(RunHeader header, int alreadyDone) {
        synchronized (lock) {
            startNanos = nanoTime.getAsLong();
            lastDelivery = startNanos;
            this.total = header.plannedCases();
            this.routes = header.config() == null ? List.of() : header.config().routes();
            this.done = alreadyDone;
            this.alreadyDone = alreadyDone;
            sink.started(header, alreadyDone);
            sink.progress(snapshot(startNanos, false));
        }
    }

    @Override
    public void caseFinished(CaseRecord record, int done, int total) {
        CaseSummary summary = CaseSummary.of(record, tags.apply(record.key())); // outside the lock: no I/O, but not free
        synchronized (lock) {
            long now = nanoTime.getAsLong();
            if (this.done == alreadyDone) firstCaseNanos = now;
            this.done = Math.max(this.done, done);
            this.total = total;
            count(summary);
            long[] w = work.computeIfAbsent(record.key().route(), r -> new long[2]);
            w[0]++;
            if (record.startedAt() != null && record.finishedAt() != null) {
                w[1] += Math.max(0, java.time.Duration.between(record.startedAt(), record.finishedAt()).toNanos());
            }
            pending.add(summary);
            dirty = true;
            if (!ended && now - lastDelivery >= intervalNanos) deliver(now, false);
        }
    }

    /** Delivers pending cases and a snapshot when the interval has passed; for a front end's timer. */
    public void flushIfDue() {
        synchronized (lock) {
            long now = nanoTime.getAsLong();
            if (!ended && dirty && now - lastDelivery >= intervalNanos) deliver(now, false);
        }
    }

    @Override
    public void event(RunEvent event) {
        synchronized (lock) {
            sink.event(event);
        }
    }

    @Override
    public void finished(RunHeader header) {
        synchronized (lock) {
            if (ended) return;
            ended = true;
            deliver(nanoTime.getAsLong(), true);
            sink.finished(header);
        }
    }

    @Override
    public void storeFailed(StoreException failure) {
        synchronized (lock) {
            if (ended) return;
            ended = true;
            deliver(nanoTime.getAsLong(), true);
            sink.storeFailed(failure);
        }
    }

    private void deliver(long now, boolean last) {
        if (!pending.isEmpty()) {
            sink.cases(List.copyOf(pending));
            pending.clear();
        }
        sink.progress(snapshot(now, last));
        lastDelivery = now;
        dirty = false;
    }

    private ProgressSnapshot snapshot(long now, boolean last) {
        Map<String, ProgressSnapshot.RouteCounts> routes = new LinkedHashMap<>();
        counts.forEach((route, c) -> routes.put(route, new ProgressSnapshot.RouteCounts(c[0], c[1], c[2])));
        long elapsed = now - startNanos;
        return new ProgressSnapshot(done, total, routes, Duration.ofNanos(elapsed), eta(now, elapsed), last);
    }

    private Optional<Duration> eta(long now, long elapsed) {
        int session = done - alreadyDone;
        int left = total - done;
        if (session == 0 || left <= 0) return session == 0 ? Optional.empty() : Optional.of(Duration.ZERO);
        double nanosPerCase;
        if (session >= PACE_CASES && now > firstCaseNanos) {
            nanosPerCase = (double) (now - firstCaseNanos) / (session - 1);
        } else if (elapsed >= PACE_NANOS) {
            nanosPerCase = (double) elapsed / session;
        } else {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) (nanosPerCase * weighedLeft(left))));
    }

    /**
     * The cases left, each route's weighed by how long its cases hold a worker against this session's average (see
     * the class comment); {@code left} itself for one route, or before any case took measurable time.
     */
    private double weighedLeft(int left) {
        if (routes.size() < 2 || total % routes.size() != 0) return left;
        long cases = 0;
        long nanos = 0;
        for (long[] w : work.values()) {
            cases += w[0];
            nanos += w[1];
        }
        if (cases == 0 || nanos == 0) return left;
        double mean = (double) nanos / cases;
        int perRoute = total / routes.size();
        double weighed = 0;
        for (String route : routes) {
            int[] c = counts.get(route);
            int doneHere = c == null ? 0 : c[0] + c[1] + c[2];
            long[] w = work.get(route);
            // A route none of whose cases has finished yet is taken as average until one has.
            double routeMean = w == null || w[0] == 0 ? mean : (double) w[1] / w[0];
            weighed += Math.max(0, perRoute - doneHere) * routeMean / mean;
        }
        return weighed;
    }
}
