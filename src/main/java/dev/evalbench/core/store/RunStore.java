package dev.evalbench.core.store;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The run history. Every write is committed before the method returns, so a crash after it loses nothing.
 * Thread-safe: the engine's workers append concurrently, and readers (the CLI, the workbench) may read while
 * a run writes, from this or another process. Failures are {@link StoreException}. Close when done.
 */
public interface RunStore extends AutoCloseable {
    /**
     * Records a new run (status RUNNING). The id is the caller's.
     *
     * @throws StoreException {@link StoreException#isIdTaken() id taken} when the history has a run with that id
     */
    void createRun(RunHeader header) throws StoreException;

    /** Stores content by its SHA-256 (idempotent) and returns the hash. */
    String putSnapshot(byte[] content) throws StoreException;

    Optional<byte[]> snapshot(String sha256) throws StoreException;

    /**
     * True when {@link #snapshot} hands out only bytes whose SHA-256 is the hash asked for (it checks them), so
     * a reader need not hash them again; false for a store that may serve other bytes under a hash (a masked
     * export's templates).
     */
    default boolean verifiesSnapshots() {
        return false;
    }

    /** Whether {@link #snapshot} would find content for this hash; reads no content where the store can avoid it. */
    default boolean hasSnapshot(String sha256) throws StoreException {
        return snapshot(sha256).isPresent();
    }

    /** Stores one finished case; a second record with the same key for the same run is an error. */
    void appendCase(CaseRecord record) throws StoreException;

    /**
     * Stores finished cases, in one transaction where the store can (the SQLite store does). Returns once every
     * record is stored; when one cannot be, the others are still stored and the first failure is thrown. This
     * default appends them one by one.
     */
    default void appendCases(java.util.List<CaseRecord> records) throws StoreException {
        StoreException first = null;
        for (CaseRecord record : records) {
            try {
                appendCase(record);
            } catch (StoreException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    void appendEvent(String runId, RunEvent event) throws StoreException;

    /**
     * Removes the records of {@code keys} from a run, so resume runs those cases again (an outage's unanswered
     * cases). Keys with no record are ignored. One transaction: all are removed or none.
     */
    void discardCases(String runId, java.util.Collection<CaseKey> keys) throws StoreException;

    void finishRun(String runId, RunStatus status, Instant finishedAt) throws StoreException;

    /**
     * Stores a whole run at once (an imported one: production traffic): its header as given, then every case
     * in order. The SQLite store does it in one transaction, so a failure leaves no trace of the run; this
     * default writes step by step for stores that cannot.
     */
    default void importRun(RunHeader header, List<CaseRecord> cases) throws StoreException {
        createRun(header);
        for (CaseRecord record : cases) appendCase(record);
    }

    /** Marks a resumed run RUNNING again under this process. */
    void reopenRun(String runId, long pid) throws StoreException;

    Optional<RunHeader> run(String runId) throws StoreException;

    /** Newest first. */
    List<RunHeader> runs(int limit) throws StoreException;

    /** In the order they were stored. */
    List<CaseRecord> cases(String runId) throws StoreException;

    /** Takes a run's records one at a time ({@link #forEachCase}); may throw the store's own exception. */
    @FunctionalInterface
    interface CaseVisitor {
        void accept(CaseRecord record) throws StoreException;
    }

    /**
     * Every record of a run in full, in stored order, handed to {@code each} one at a time on the calling thread:
     * the same records as {@link #cases}, for a reader that writes each out and keeps none (a report of 100,000
     * cases). A store that can read them one by one does not hold them all; this default reads {@link #cases}.
     * An exception {@code each} throws stops the reading and reaches the caller.
     */
    default void forEachCase(String runId, CaseVisitor each) throws StoreException {
        for (CaseRecord record : cases(runId)) each.accept(record);
    }

    /**
     * The compact summaries of a run's cases, in stored order, without the big texts: what a results table
     * or a count reads. Readers that need one case's texts call {@link #caseRecord}.
     */
    default List<CaseSummary> summaries(String runId) throws StoreException {
        return cases(runId).stream().map(CaseSummary::of).toList();
    }

    /**
     * A page of {@link #summaries(String)}: at most {@code limit} summaries from position {@code offset} of stored
     * order. A table shows its first rows from the first page while the rest is read.
     */
    default List<CaseSummary> summaries(String runId, int offset, int limit) throws StoreException {
        List<CaseSummary> all = summaries(runId);
        return all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + Math.max(0, limit)));
    }

    /** One case in full (messages, raw and parsed output, attempts): read when a reader opens that case. */
    default Optional<CaseRecord> caseRecord(String runId, CaseKey key) throws StoreException {
        return cases(runId).stream().filter(r -> r.key().equals(key)).findFirst();
    }

    Set<CaseKey> finishedKeys(String runId) throws StoreException;

    List<RunEvent> events(String runId) throws StoreException;

    /** Points a tag (such as "main") at a run, moving it if it pointed elsewhere. */
    void tag(String runId, String tag) throws StoreException;

    /** Removes {@code tag}; the run it named, or empty when no run had that tag (then nothing changed). */
    Optional<String> untag(String tag) throws StoreException;

    /** A run id, a unique id prefix, a tag, or "latest". */
    Optional<String> resolve(String idOrTag) throws StoreException;

    Map<String, String> tags() throws StoreException;

    /**
     * A count that moves when a change to this history was committed through another connection since this
     * store opened it: another process's run, tag, resume or import (a terminal beside the window). This store's
     * own writes leave it as it is. Stores nobody else writes (a run file read into memory) and stores opened
     * read-only answer 0 always. Thread-safe; waits for a write of this store in progress.
     */
    default long writesByOthers() throws StoreException {
        return 0;
    }

    @Override
    void close() throws StoreException;
}
