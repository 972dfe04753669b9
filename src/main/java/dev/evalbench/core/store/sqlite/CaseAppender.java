package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Appends cases with group commit: records handed in by many threads while one transaction is being written
 * are queued, and the next thread to get the writer's turn writes all of them in one transaction. Every
 * {@link #append} still returns only after its own record is committed (or throws), so a case is durable
 * before the engine counts it; what changes is that 64 workers finishing together cost one commit, not 64.
 * When a batch fails (one duplicate key, say), each of its records is retried alone so one bad record never
 * takes the others down with it. Thread-safe.
 */
final class CaseAppender {
    private final SerializedWriter writer;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

    CaseAppender(SerializedWriter writer) {
        this.writer = writer;
    }

    void append(CaseRecord record) throws StoreException {
        appendAll(List.of(record));
    }

    /** Appends {@code records} (usually in one transaction); throws the first failure once the others are stored. */
    void appendAll(List<CaseRecord> records) throws StoreException {
        List<Pending> mine = records.stream().map(Pending::new).toList();
        queue.addAll(mine);
        writer.inTurn(c -> {
            if (mine.stream().anyMatch(p -> !p.done)) {
                writeQueued();
            }
            return null;
        });
        for (Pending p : mine) {
            if (p.failure != null) throw p.failure;
        }
    }

    /** Called holding the writer's turn: drains the queue and settles every record in it. */
    private void writeQueued() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p; (p = queue.poll()) != null; ) {
            batch.add(p);
        }
        try {
            writer.inTransaction("append " + batch.size() + " cases", c -> write(c, batch));
            batch.forEach(p -> p.done = true);
        } catch (StoreException batchFailure) {
            for (Pending p : batch) {
                try {
                    writer.inTransaction("append case " + p.record.key() + " to run " + p.record.runId(),
                            c -> write(c, List.of(p)));
                } catch (StoreException e) {
                    p.failure = e;
                }
                p.done = true;
            }
        }
    }

    private static Void write(Connection c, List<Pending> batch) throws SQLException, StoreException {
        Map<String, Long> nextSeq = new HashMap<>();
        Map<String, Boolean> known = new HashMap<>();
        Set<String> inBatch = new HashSet<>();
        // Prepared once for the batch, not once a case: SQLite compiles a statement's text each time it is prepared.
        try (PreparedStatement exists = c.prepareStatement(CaseRows.EXISTS_SQL);
                PreparedStatement insert = c.prepareStatement(CaseRows.insertSql(true))) {
            for (Pending p : batch) {
                CaseRecord r = p.record;
                CaseKey key = r.key();
                Long seq = nextSeq.get(r.runId());
                if (seq == null) {
                    if (!RunRows.exists(c, r.runId())) {
                        throw new StoreException("no run " + r.runId() + " in the history");
                    }
                    seq = CaseRows.nextSeq(c, "cases", r.runId());
                }
                if (!inBatch.add(r.runId() + "\n" + key) || CaseRows.exists(exists, r.runId(), key)) {
                    throw new StoreException("run " + r.runId() + " already has a record for case " + key);
                }
                CaseRows.insert(c, insert, r, seq, known, true);
                nextSeq.put(r.runId(), seq + 1);
            }
        }
        return null;
    }

    /** One record waiting for its commit; fields are written and read holding the writer's turn. */
    private static final class Pending {
        final CaseRecord record;
        boolean done;
        StoreException failure;

        Pending(CaseRecord record) {
            this.record = record;
        }
    }
}
