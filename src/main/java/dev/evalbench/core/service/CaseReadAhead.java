package dev.evalbench.core.service;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.run.ThreadEnd;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * Reads a run's full records on a thread of its own while the thread that opened it does other work and then
 * handles them: reading a record back (SQLite, inflating, parsing) costs about what masking and writing it
 * out do, so on two cores a report of 50,000 cases takes about half the time. Reading starts at once, before
 * the caller knows how to prepare the records (a mask needs the workspace loaded); each record is prepared
 * ({@link #forEach}'s {@code prepare}, masking say) exactly once, on whichever thread has time: the reader
 * prepares a batch when the caller is behind (the queue is half full), the caller prepares the rest. At most
 * {@value #BATCHES} batches of {@value #BATCH} records wait between the two, so memory stays flat however
 * long the run.
 *
 * <p>One caller thread uses an instance: {@link #forEach} once, and {@link #close} always (it stops the reader
 * and waits for it, so the store's connection is back before the caller goes on).
 */
final class CaseReadAhead implements AutoCloseable {
    static final int BATCH = 256;
    /**
     * Few: records that wait survive young collections and are copied, or promoted and later collected in
     * full; four batches keep what waits to about 1,000 records, a few MB.
     */
    static final int BATCHES = 4;

    /** Takes prepared records on the caller's thread. */
    @FunctionalInterface
    interface Handler {
        void accept(CaseRecord record) throws StoreException;
    }

    /** Records in stored order; {@code prepared} when the reader already applied the prepare step. */
    private record Batch(List<CaseRecord> records, boolean prepared) {}

    /** The end of the records, or the reader's failure. */
    private record Done(Throwable failure) {}

    /** Thrown inside the reader to stop it early when the caller has given up. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private final String runId;
    private final int batchSize;
    private final BlockingQueue<Object> queue;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread reader;
    private volatile UnaryOperator<CaseRecord> prepare;

    private CaseReadAhead(RunStore store, String runId, int batchSize, int batches) {
        this.runId = runId;
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(batches);
        this.reader = new Thread(() -> read(store), "evalbench-read-ahead");
        reader.setDaemon(true);
    }

    /** Starts reading every record of {@code runId} in stored order. */
    static CaseReadAhead start(RunStore store, String runId) {
        return start(store, runId, BATCH, BATCHES);
    }

    /** As {@link #start(RunStore, String)} with batches of {@code batchSize} records, {@code batches} of them waiting at most. */
    static CaseReadAhead start(RunStore store, String runId, int batchSize, int batches) {
        CaseReadAhead ahead = new CaseReadAhead(store, runId, batchSize, batches);
        ahead.reader.start();
        return ahead;
    }

    /**
     * Every record, each passed through {@code prepare} (on either thread; it must be thread-safe) and handed to
     * {@code handle} on this thread in stored order. Returns when all were handled. The reader's failure (a
     * {@link StoreException}, or what {@code prepare} threw there) is rethrown here; what {@code handle} throws
     * leaves at once (then {@link #close} stops the reader). An interrupt of this thread is reported as a
     * StoreException, with the thread's interrupt status set again.
     */
    void forEach(UnaryOperator<CaseRecord> prepare, Handler handle) throws StoreException {
        this.prepare = prepare;
        try {
            while (true) {
                Object item = queue.take();
                if (item instanceof Done done) {
                    if (done.failure() == null) return;
                    throw rethrown(done.failure());
                }
                Batch batch = (Batch) item;
                for (CaseRecord record : batch.records()) handle.accept(batch.prepared() ? record : prepare.apply(record));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("reading the cases of run " + runId + " was interrupted", e);
        }
    }

    /** How many batches wait to be taken (for tests that need the reader ahead). */
    int waiting() {
        return queue.size();
    }

    /** Whether this read-ahead's reader thread is still running (for tests: other read-aheads may be). */
    boolean readerAlive() {
        return reader.isAlive();
    }

    /** Stops the reader if it is still reading and waits for it to end. */
    @Override
    public void close() {
        stopped.set(true);
        queue.clear();
        ThreadEnd.await(reader);
    }

    private void read(RunStore store) {
        Throwable failure = null;
        try {
            List<List<CaseRecord>> pending = new ArrayList<>(1);
            pending.add(new ArrayList<>(batchSize));
            store.forEachCase(runId, record -> {
                if (stopped.get()) throw new Stopped();
                List<CaseRecord> batch = pending.get(0);
                batch.add(record);
                if (batch.size() == batchSize) {
                    hand(batch);
                    pending.set(0, new ArrayList<>(batchSize));
                }
            });
            hand(pending.get(0));
        } catch (Stopped e) {
            return;
        } catch (Throwable t) {
            failure = t;
        }
        try {
            put(new Done(failure));
        } catch (Stopped e) {
            // the caller has stopped waiting
        }
    }

    /** Prepares the batch here when the caller is behind (half the queue waiting), then queues it. */
    private void hand(List<CaseRecord> batch) {
        UnaryOperator<CaseRecord> now = prepare;
        if (now != null && queue.remainingCapacity() <= queue.size()) {
            batch.replaceAll(now);
            put(new Batch(batch, true));
        } else {
            put(new Batch(batch, false));
        }
    }

    /** Waits for room, giving up once the caller has stopped taking. */
    private void put(Object item) {
        try {
            while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (stopped.get()) throw new Stopped();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private static StoreException rethrown(Throwable failure) {
        if (failure instanceof StoreException e) return e;
        if (failure instanceof RuntimeException e) throw e;
        if (failure instanceof Error e) throw e;
        return new StoreException("reading records failed: " + failure.getMessage(), failure);
    }
}
