package dev.evalbench.core.store;

/**
 * The history could not be read or written (locked, corrupt, disk full, newer schema version).
 *
 * <p>{@link #isUnusableFile()} tells the two kinds apart for whoever maps failures to exit codes: a file that is not a
 * history this build can use (not SQLite, damaged, written by a newer Evalbench, too old to read as it is) is the
 * input the user named, found wrong before anything was written; anything else is the environment failing (a lock
 * held too long, a full disk, an I/O error), which may pass.
 */
public final class StoreException extends Exception {
    /** Which trouble it is: one at most, so one field, not a flag per kind. */
    private enum Kind { ENVIRONMENT, UNUSABLE_FILE, AMBIGUOUS_NAME, ID_TAKEN }

    private final Kind kind;

    public StoreException(String message, Throwable cause) {
        this(message, cause, Kind.ENVIRONMENT);
    }

    public StoreException(String message) {
        this(message, null, Kind.ENVIRONMENT);
    }

    private StoreException(String message, Throwable cause, Kind kind) {
        super(message, cause);
        this.kind = kind;
    }

    /** The file named as the history is not one this build can use; {@code cause} may be null. */
    public static StoreException unusableFile(String message, Throwable cause) {
        return new StoreException(message, cause, Kind.UNUSABLE_FILE);
    }

    /** A run was named by an id prefix several runs' ids begin with: the name the user typed, not the machine. */
    public static StoreException ambiguousName(String message) {
        return new StoreException(message, null, Kind.AMBIGUOUS_NAME);
    }

    /** A new run's id is one the history has already: its maker draws another ({@code RunIds.create}). */
    public static StoreException idTaken(String message) {
        return new StoreException(message, null, Kind.ID_TAKEN);
    }

    /** Whether a new run's id was taken ({@link #idTaken}). */
    public boolean isIdTaken() {
        return kind == Kind.ID_TAKEN;
    }

    /** Whether a name the user gave matched several runs ({@link #ambiguousName}). */
    public boolean isAmbiguousName() {
        return kind == Kind.AMBIGUOUS_NAME;
    }

    /** Whether the file itself is the trouble (see the class's note), not the machine it is on. */
    public boolean isUnusableFile() {
        return kind == Kind.UNUSABLE_FILE;
    }
}
