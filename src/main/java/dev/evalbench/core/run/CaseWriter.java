package dev.evalbench.core.run;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Stores a run's finished cases on a thread of its own, so a worker goes on to its next case while its last one
 * is being committed. Workers finishing together (64 answers arriving in the same millisecond) used to wait in
 * line for one commit before any of them could send its next request; each such wave then started that much
 * later, about 0.3 s over a 1,000-call run at 200 ms a call (docs/performance.md).
 *
 * <p>Durability is unchanged where it matters: a case counts as done ({@code stored} is called for it) only
 * once it is committed. A case handed over but not yet committed when the process is killed was never counted,
 * so resume runs it again, exactly as a case still waiting for its answer.
 *
 * <p>At most {@code capacity} cases wait to be written: a worker handing over one more waits until the writer
 * catches up, so a store slower than the model cannot fill memory with finished cases. That wait ignores
 * interrupts (a stopped worker still hands over the case it finished; the writer keeps draining, so the wait
 * is short) and restores the worker's interrupt status afterwards.
 *
 * <p>Threads: {@link #submit} from any number of workers; {@code stored} and {@code failed} are called on the
 * writer thread, one batch at a time, in the order the cases were stored. When the store fails, the cases of
 * that batch it did store are still counted, then {@code failed} is called; nothing more is written after it:
 * later cases are dropped (the run stops on that failure anyway, and resume finds what is stored).
 * {@link #finish} ends the thread once everything handed over before it is written or dropped.
 */
final class CaseWriter {
    private static final int MAX_BATCH = 256;
    private static final CaseRecord END = null;

    private final RunStore store;
    private final String runId;
    private final LinkedBlockingQueue<Slot> queue = new LinkedBlockingQueue<>();
    private final Semaphore room;
    private final Consumer<List<CaseRecord>> stored;
    private final Consumer<StoreException> failed;
    private final Thread thread;
    private volatile boolean failedOnce;

    /**
     * @param capacity the most cases that may wait to be written
     * @param stored called with each batch once it is committed
     * @param failed called once, with the first failure of the store
     */
    CaseWriter(RunStore store, String runId, int capacity, Consumer<List<CaseRecord>> stored,
               Consumer<StoreException> failed) {
        this.store = store;
        this.runId = runId;
        this.room = new Semaphore(capacity);
        this.stored = stored;
        this.failed = failed;
        this.thread = new Thread(this::writeUntilEnd, "run-" + runId + "-writer");
        // Never what keeps a JVM alive: the engine always waits for it in finish().
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands a finished case over to be stored; waits while {@code capacity} cases are already waiting. */
    void submit(CaseRecord record) {
        boolean interrupted = false;
        while (true) {
            try {
                room.acquire();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        queue.add(new Slot(record));
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** No more cases: waits until every case handed over so far is stored (or dropped after a failure). */
    void finish() {
        queue.add(new Slot(END));
        // The caller (the engine's thread) may be stopped; it must still not return with cases half-stored.
        ThreadEnd.await(thread);
    }

    private void writeUntilEnd() {
        List<Slot> batch = new ArrayList<>();
        while (true) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // nobody interrupts this thread on purpose; it ends at END only
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean end = false;
            List<CaseRecord> records = new ArrayList<>(batch.size());
            for (Slot slot : batch) {
                if (slot.record == END) end = true;
                else records.add(slot.record);
            }
            try {
                report(write(records));
            } catch (Error e) {
                // Out of memory, say: this thread must live on, or workers waiting for room would wait forever.
                failedOnce = true;
                failed.accept(new StoreException("cannot store " + records.size() + " cases: " + e, e));
            } finally {
                room.release(records.size());
            }
            // Every submit came before finish() added END (the engine's workers have ended by then): nothing is left.
            if (end) return;
        }
    }

    /** Stores {@code records}; returns those stored (all of them unless the store failed). */
    private List<CaseRecord> write(List<CaseRecord> records) {
        if (records.isEmpty() || failedOnce) return List.of();
        try {
            store.appendCases(records);
            return records;
        } catch (StoreException e) {
            return failed(records, e);
        } catch (RuntimeException e) {
            return failed(records, new StoreException("cannot store " + records.size() + " cases: " + e, e));
        }
    }

    /**
     * The store stores what it can of a batch: those it did are still counted (before the failure is heard of),
     * so progress says what the history holds. Asked of the store itself; if it cannot say, none are.
     */
    private List<CaseRecord> failed(List<CaseRecord> records, StoreException failure) {
        failedOnce = true;
        List<CaseRecord> kept;
        try {
            Set<CaseKey> keys = store.finishedKeys(runId);
            kept = records.stream().filter(r -> keys.contains(r.key())).toList();
        } catch (StoreException | RuntimeException unreadable) {
            kept = List.of();
        }
        report(kept);
        failed.accept(failure);
        return List.of();
    }

    /**
     * A listener's bug must not stop the writing (workers would wait for room forever): it is reported as a dying
     * thread's would be.
     */
    private void report(List<CaseRecord> records) {
        if (records.isEmpty()) return;
        try {
            stored.accept(records);
        } catch (RuntimeException e) {
            thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
        }
    }

    /** A queue entry; {@code record} is null for the end. */
    private record Slot(CaseRecord record) {}
}
