package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.json.Digests;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.record.VersionTuple;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run history in one SQLite file (normally {@code <workspace>/.evalbench/history.db}).
 *
 * <p>Writes go through one connection, one at a time, each committed before the method returns; worker
 * threads may append concurrently, and cases appended by many threads at once share one transaction (group
 * commit, {@link CaseAppender}). Reads use their own connections and never wait behind a
 * write; another process may read (or take turns writing) at the same time. All methods are thread-safe.
 *
 * <p>Beyond {@link RunStore}: {@link #createRun} stores the header as given (the engine passes RUNNING) and
 * points the header's tags at the run. Appending to a run that is not RUNNING is allowed, so a case finished
 * while a cancel was being recorded is kept. Reading an unknown run gives an empty answer, writing to one a
 * {@link StoreException}. {@link #resolve} throws a StoreException naming the candidates when an id prefix is
 * ambiguous, so a user is told to type more rather than told the run does not exist. A tag may not be blank,
 * contain white space or be {@code latest} ({@link IllegalArgumentException}).
 */
public final class SqliteRunStore implements RunStore {
    private final Path dbFile;
    private final SerializedWriter writer;
    private final ReaderPool readers;
    private final CaseAppender appender;
    /**
     * Shared texts and parsed version tuples by SHA-256, kept across {@link #caseRecord} calls: they are
     * content-addressed, so never stale, and every record of a run names the same few (its system prompt), which
     * each point read otherwise fetched, inflated and hashed again.
     */
    private final Map<String, String> sharedTexts = new ConcurrentHashMap<>();
    private final Map<String, VersionTuple> sharedVersions = new ConcurrentHashMap<>();
    /**
     * Snapshots whose content this store has checked against their hash: a snapshot row is written once and
     * never changed, so reading it again (a comparison loads two runs made from the same files) need not hash
     * a dataset of many megabytes again.
     */
    private final Set<String> verifiedSnapshots = ConcurrentHashMap.newKeySet();
    /** The point read of one case, prepared once per reading connection (a comparison reads thousands). */
    private final StatementCache statements = new StatementCache();

    /** Whether the history has summary packs (schema 6 on): a read-only store may read a schema-5 history as it is. */
    private final boolean summaryPacks;

    private SqliteRunStore(Path dbFile, Connection writerConnection, boolean summaryPacks) {
        this.dbFile = dbFile;
        this.summaryPacks = summaryPacks;
        this.writer = new SerializedWriter(writerConnection, dbFile.toString());
        this.readers = new ReaderPool(dbFile, dbFile.toString(), writerConnection == null);
        this.appender = new CaseAppender(writer);
    }

    /**
     * Opens an existing history for reading only: nothing is created, migrated or written, and the folder
     * may be read-only (a shared or archived history). Every write method throws {@link StoreException}.
     *
     * <p>A history of an older schema that readers can read as it is ({@link Migrations#READABLE_AS_IS}) is read
     * as it is and left so: its first writing command upgrades it.
     *
     * @throws StoreException when the file is missing, is not a history, or has a schema this build cannot read
     *     (newer: upgrade Evalbench; much older: open it once with a writing command)
     */
    public static SqliteRunStore openReadOnly(Path dbFile) throws StoreException {
        Path file = dbFile.toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new StoreException(file + ": no run history here");
        }
        int version;
        try (Connection probe = SqliteConnections.openReadOnly(file)) {
            version = Migrations.currentVersion(probe);
        } catch (SQLException e) {
            throw SqliteWords.opening(file + ": cannot read the history", e);
        }
        if (version > Migrations.latestVersion()) {
            throw StoreException.unusableFile(file + " was written by a newer Evalbench (schema " + version
                    + ", this build knows " + Migrations.latestVersion() + "); upgrade Evalbench to read it", null);
        }
        if (version < Migrations.READABLE_AS_IS) {
            throw StoreException.unusableFile(file + " has an older schema (" + version + ", now " + Migrations.latestVersion()
                    + "); run any writing command on it once (e.g. `evalbench tag`) to upgrade it", null);
        }
        return new SqliteRunStore(file, null, version >= Migrations.SUMMARY_PACKS);
    }

    /**
     * Opens (creating it and its folders if needed) and migrates the history file.
     *
     * @throws StoreException when the file cannot be created or opened, is not a history, or was written by a
     *     newer Evalbench whose schema this build does not know
     */
    public static SqliteRunStore open(Path dbFile) throws StoreException {
        Path file = dbFile.toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StoreException(file + ": cannot create its folder: " + e.getMessage(), e);
        }
        Connection connection;
        try {
            connection = SqliteConnections.openWriter(file);
        } catch (SQLException e) {
            throw SqliteWords.opening(file + ": cannot open the history", e);
        }
        try {
            Migrations.apply(connection, file);
        } catch (StoreException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return new SqliteRunStore(file, connection, true);
    }

    public Path file() {
        return dbFile;
    }

    @Override
    public void createRun(RunHeader header) throws StoreException {
        Objects.requireNonNull(header, "header");
        header.tags().forEach(SqliteRunStore::checkTag);
        writer.inTransaction("create run " + header.id(), c -> {
            if (RunRows.exists(c, header.id())) {
                throw StoreException.idTaken("a run with id " + header.id() + " already exists in " + dbFile);
            }
            RunRows.insert(c, header);
            for (String tag : header.tags()) {
                TagRows.point(c, tag, header.id());
            }
            return null;
        });
    }

    /** One transaction: the run row, its tags and every case; on any failure nothing of the run is stored. */
    @Override
    public void importRun(RunHeader header, List<CaseRecord> cases) throws StoreException {
        Objects.requireNonNull(header, "header");
        header.tags().forEach(SqliteRunStore::checkTag);
        writer.inTransaction("import run " + header.id() + " (" + cases.size() + " cases)", c -> {
            if (RunRows.exists(c, header.id())) {
                throw StoreException.idTaken("a run with id " + header.id() + " already exists in " + dbFile);
            }
            RunRows.insert(c, header);
            for (String tag : header.tags()) {
                TagRows.point(c, tag, header.id());
            }
            Map<String, Boolean> known = new java.util.HashMap<>();
            java.util.Set<CaseKey> seen = new java.util.HashSet<>();
            long seq = 0;
            for (CaseRecord r : cases) {
                if (!r.runId().equals(header.id()) || !seen.add(r.key())) {
                    throw new StoreException("run " + header.id() + " cannot hold case " + r.key()
                            + (seen.contains(r.key()) ? " twice" : " of run " + r.runId()));
                }
                CaseRows.insert(c, r, seq++, known);
            }
            return null;
        });
    }

    @Override
    public String putSnapshot(byte[] content) throws StoreException {
        String sha256 = Digests.sha256(content);
        writer.inTransaction("store snapshot " + sha256, c -> {
            SnapshotRows.putIfAbsent(c, sha256, content);
            return null;
        });
        return sha256;
    }

    @Override
    public Optional<byte[]> snapshot(String sha256) throws StoreException {
        return readers.read("read snapshot " + sha256, c -> SnapshotRows.find(c, sha256, verifiedSnapshots));
    }

    /** Every snapshot is checked against its hash when first read (and content-addressed rows never change). */
    @Override
    public boolean verifiesSnapshots() {
        return true;
    }

    @Override
    public boolean hasSnapshot(String sha256) throws StoreException {
        return readers.read("look up snapshot " + sha256, c -> SnapshotRows.exists(c, sha256));
    }

    @Override
    public void appendCase(CaseRecord record) throws StoreException {
        Objects.requireNonNull(record.key(), "record.key");
        appender.append(record);
    }

    @Override
    public void appendCases(List<CaseRecord> records) throws StoreException {
        records.forEach(r -> Objects.requireNonNull(r.key(), "record.key"));
        appender.appendAll(records);
    }

    @Override
    public void discardCases(String runId, java.util.Collection<CaseKey> keys) throws StoreException {
        writer.inTransaction("discard " + keys.size() + " cases of run " + runId, c -> {
            requireRun(c, runId);
            for (CaseKey key : keys) CaseRows.delete(c, runId, key);
            return null;
        });
    }

    @Override
    public void appendEvent(String runId, RunEvent event) throws StoreException {
        writer.inTransaction("append a " + event.kind() + " event to run " + runId, c -> {
            requireRun(c, runId);
            EventRows.insert(c, runId, event);
            return null;
        });
    }

    /** @throws IllegalArgumentException for RUNNING: a run is reopened with {@link #reopenRun}, not finished */
    @Override
    public void finishRun(String runId, RunStatus status, Instant finishedAt) throws StoreException {
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("a run finishes COMPLETE or INCOMPLETE, not RUNNING");
        }
        updateRun("finish run " + runId, runId, c -> RunRows.finish(c, runId, status, finishedAt));
    }

    @Override
    public void reopenRun(String runId, long pid) throws StoreException {
        updateRun("reopen run " + runId, runId, c -> RunRows.reopen(c, runId, pid));
    }

    @Override
    public Optional<RunHeader> run(String runId) throws StoreException {
        return readers.read("read run " + runId, c -> RunRows.find(c, runId));
    }

    @Override
    public List<RunHeader> runs(int limit) throws StoreException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return readers.read("list runs", c -> {
            List<RunHeader> headers = new ArrayList<>();
            for (String id : RunRows.newestIds(c, limit)) {
                RunRows.find(c, id).ifPresent(headers::add);
            }
            return List.copyOf(headers);
        });
    }

    @Override
    public List<CaseRecord> cases(String runId) throws StoreException {
        return readers.read("read the cases of run " + runId, c -> CaseRows.list(c, runId, summaryPacks));
    }

    /** One read transaction; each record is built from its row, handed on and let go before the next is read. */
    @Override
    public void forEachCase(String runId, CaseVisitor each) throws StoreException {
        readers.read("read the cases of run " + runId, c -> {
            CaseRows.forEach(c, runId, each, summaryPacks);
            return null;
        });
    }

    /** The run's summary pack when it matches the rows, else the rows; no case detail is read ({@link PackedSummaries}). */
    @Override
    public List<CaseSummary> summaries(String runId) throws StoreException {
        return PackedSummaries.read(readers, writer, runId, summaryPacks);
    }

    @Override
    public List<CaseSummary> summaries(String runId, int offset, int limit) throws StoreException {
        return readers.read("read the case summaries of run " + runId,
                c -> List.copyOf(CaseRows.summaries(c, runId, offset, limit)));
    }

    /** One row by its unique key, its detail decompressed. */
    @Override
    public Optional<CaseRecord> caseRecord(String runId, CaseKey key) throws StoreException {
        return readers.read("read case " + key + " of run " + runId,
                c -> CaseRows.find(statements.get(c, CaseRows.FIND), c, runId, key, sharedTexts, sharedVersions));
    }

    @Override
    public Set<CaseKey> finishedKeys(String runId) throws StoreException {
        return readers.read("read the finished cases of run " + runId, c -> CaseRows.keys(c, runId));
    }

    @Override
    public List<RunEvent> events(String runId) throws StoreException {
        return readers.read("read the events of run " + runId, c -> EventRows.list(c, runId));
    }

    @Override
    public void tag(String runId, String tag) throws StoreException {
        checkTag(tag);
        writer.inTransaction("tag run " + runId + " as " + tag, c -> {
            requireRun(c, runId);
            TagRows.point(c, tag, runId);
            return null;
        });
    }

    @Override
    public Optional<String> untag(String tag) throws StoreException {
        return writer.inTransaction("remove tag " + tag, c -> TagRows.remove(c, tag));
    }

    @Override
    public Optional<String> resolve(String idOrTag) throws StoreException {
        return readers.read("resolve run \"" + idOrTag + "\"", c -> RunReferences.resolve(c, idOrTag));
    }

    @Override
    public Map<String, String> tags() throws StoreException {
        return readers.read("read tags", TagRows::all);
    }

    /**
     * SQLite's {@code PRAGMA data_version} on the writing connection: it moves only when another connection
     * committed, so the store's own writes never count. 0 for a store opened read-only (it has no connection of
     * its own that lasts).
     */
    @Override
    public long writesByOthers() throws StoreException {
        if (!writer.canWrite()) return 0;
        return writer.inTurn(c -> {
            try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("PRAGMA data_version")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Waits for a write in progress, then releases every connection. Idempotent. */
    @Override
    public void close() throws StoreException {
        try {
            writer.close();
        } finally {
            readers.close();
        }
    }

    private void updateRun(String what, String runId, SqlWork<Integer> update) throws StoreException {
        writer.inTransaction(what, c -> {
            if (update.run(c) == 0) {
                throw noRun(runId);
            }
            return null;
        });
    }

    private void requireRun(Connection c, String runId) throws SQLException, StoreException {
        if (!RunRows.exists(c, runId)) {
            throw noRun(runId);
        }
    }

    private StoreException noRun(String runId) {
        return new StoreException("no run " + runId + " in " + dbFile);
    }

    private static void checkTag(String tag) {
        if (tag == null || tag.isBlank() || !tag.equals(tag.strip()) || tag.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a tag is a single word without spaces, got \"" + tag + "\"");
        }
        if (tag.equals(RunReferences.LATEST)) {
            throw new IllegalArgumentException("\"latest\" cannot be a tag: it always means the newest run");
        }
    }
}
