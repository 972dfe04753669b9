package dev.evalbench.core.service;

import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A workspace's run history: opening it (for writing, or an existing one for reading), listing runs, tagging
 * a run and resolving names. The static openers hand the caller a store it must close; an instance works on
 * a store its caller owns. Thread-safe as far as the store is (the SQLite store is).
 */
public final class HistoryService {
    /** A run as the history lists it, with how many of its planned cases are stored. */
    public record Listing(RunHeader header, int casesStored) {}

    private static final String TAG_PATTERN = "[A-Za-z0-9._/-]{1,100}";

    private final RunStore store;

    public HistoryService(RunStore store) {
        this.store = store;
    }

    /** The history file: {@code db} when given, else {@code <workspace>/.evalbench/history.db}. */
    public static Path dbFile(Path workspace, Path db) {
        return db != null ? db : HistoryLocation.defaultDb(workspace);
    }

    /** Opens the history for writing, creating it (and the git-ignored folder it lives in) when needed. */
    public static RunStore openForWriting(Path workspace, Path db) throws StoreException, IOException {
        return SqliteRunStore.open(db != null ? db : HistoryLocation.prepare(workspace));
    }

    /**
     * Opens an existing history for reading: a missing file is a {@link RequestException} (field "db"), not an
     * empty history created by a typo.
     */
    public static RunStore openExisting(Path workspace, Path db) throws StoreException, RequestException {
        Path file = dbFile(workspace, db);
        if (!Files.isRegularFile(file)) throw new RequestException("db", file.toString(), "no run history here");
        return SqliteRunStore.open(file);
    }

    /**
     * Opens an existing history read-only, for commands that only read it: nothing is created or migrated,
     * the file is never changed, and a folder the user may not write (a shared or archived history) works.
     * A missing file is a {@link RequestException} (field "db").
     */
    public static RunStore openReadOnly(Path workspace, Path db) throws StoreException, RequestException {
        Path file = dbFile(workspace, db);
        if (!Files.isRegularFile(file)) throw new RequestException("db", file.toString(), "no run history here");
        return SqliteRunStore.openReadOnly(file);
    }

    /**
     * The newest {@code limit} runs, newest first.
     *
     * @throws RequestException field "limit" when {@code limit} is below 1
     */
    public List<Listing> list(int limit) throws StoreException, RequestException {
        checkLimit(limit);
        List<Listing> out = new ArrayList<>();
        for (RunHeader h : store.runs(limit)) out.add(new Listing(h, store.finishedKeys(h.id()).size()));
        return out;
    }

    /** A listing size below 1 is a request error (field "limit"), found before the history is opened. */
    public static void checkLimit(int limit) throws RequestException {
        if (limit < 1) throw new RequestException("limit", String.valueOf(limit), "must be at least 1, not " + limit);
    }

    /** The run a name resolves to: an id, a unique prefix, a tag or "latest". */
    public RunHeader resolve(String runRef) throws StoreException, RequestException {
        return RunLookup.header(store, runRef);
    }

    /**
     * Points {@code tag} at the run {@code runRef} names, moving it from any run it named before.
     *
     * @throws RequestException field "tag" for a name outside letters, digits, '.', '_', '-', '/' or "latest"
     */
    public RunHeader tag(String runRef, String tag) throws StoreException, RequestException {
        checkTag(tag, runRef);
        RunHeader header = resolve(runRef);
        // A tag names a run to compare with: gated against an outage, a run "beat" a baseline that "has 0.000".
        var why = Outages.why(store, header);
        if (Outages.isOutage(why)) {
            throw new RequestException("run", runRef, "run " + header.id() + " got no answer from the model (an"
                    + " outage): it measured the outage, not the model; resume it once the route answers, then tag it");
        }
        // Nor a run some of whose cases were kept from the model (an open breaker, a route the server refused): it
        // measured part of the eval set, and a later run would be held against a baseline missing those cases.
        String unsent = Outages.unsentDetail(why);
        if (unsent != null) {
            throw new RequestException("run", runRef, "run " + header.id() + " is incomplete (" + unsent + "): resume it,"
                    + " then tag it");
        }
        store.tag(header.id(), tag);
        return header;
    }

    /**
     * Removes {@code tag} (a mistaken one, or main to gate later runs without a baseline); the run it named.
     *
     * @throws RequestException field "tag" when no run has that tag, naming the tags there are
     */
    public String untag(String tag) throws StoreException, RequestException {
        Optional<String> named = store.untag(tag);
        if (named.isPresent()) return named.get();
        java.util.Set<String> tags = store.tags().keySet();
        throw new RequestException("tag", tag, "no run is tagged \"" + tag + "\"" + (tags.isEmpty()
                ? ": this history has no tags" : "; the tags are " + String.join(", ", tags)));
    }

    /** The tag rules, checked before the store is touched. */
    public static void checkTag(String tag) throws RequestException {
        checkTag(tag, null);
    }

    /**
     * The tag rules, checked before the store is touched; {@code runRef}, the run it is to name (null when none),
     * words the hint of a tag that looks like a run id.
     */
    public static void checkTag(String tag, String runRef) throws RequestException {
        // `tag main latest`, in git's order: "latest" names a run, never a tag.
        if (tag != null && tag.matches("latest(~\\d+)?") && runRef != null && runRef.matches(TAG_PATTERN)
                && !runRef.equals("latest")) {
            throw new RequestException("tag", tag, "tag \"" + tag + "\" is not allowed: it names a run; the run comes first,"
                    + " then the tag: `evalbench tag " + tag + " " + runRef + "`");
        }
        if (tag == null || !tag.matches(TAG_PATTERN) || tag.equals("latest")) {
            throw new RequestException("tag", tag, "tag \"" + tag
                    + "\" is not allowed: use letters, digits, '.', '_', '-', '/' (and not \"latest\")");
        }
        // A tag shaped like a run id (its date first) names two runs, or a run and a prefix, at once: it is what
        // `tag main 20261206-0226` made, in git's order (`git tag NAME COMMIT`), main's run tagged with the other's id.
        if (tag.matches(RUN_ID_SHAPE)) {
            throw new RequestException("tag", tag, "tag \"" + tag + "\" looks like a run id" + (runRef == null
                    ? ", which it would stand in for: choose a name that does not begin with a date"
                    : ": the run comes first, then the tag: `evalbench tag " + tag + " " + runRef + "`"));
        }
    }

    /** What a run id begins with, and a tag may not look like: its date, then digits and hex after dashes. */
    private static final String RUN_ID_SHAPE = "\\d{8}(-[0-9A-Fa-f]*)*";
}
