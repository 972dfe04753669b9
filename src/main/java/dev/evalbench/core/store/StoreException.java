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
    private final boolean unusableFile;
    private final boolean ambiguousName;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false, false);
    }

    public StoreException(String message) {
        this(message, null, false, false);
    }

    private StoreException(String message, Throwable cause, boolean unusableFile, boolean ambiguousName) {
        super(message, cause);
        this.unusableFile = unusableFile;
        this.ambiguousName = ambiguousName;
    }

    /** The file named as the history is not one this build can use; {@code cause} may be null. */
    public static StoreException unusableFile(String message, Throwable cause) {
        return new StoreException(message, cause, true, false);
    }

    /** A run was named by an id prefix several runs' ids begin with: the name the user typed, not the machine. */
    public static StoreException ambiguousName(String message) {
        return new StoreException(message, null, false, true);
    }

    /** Whether a name the user gave matched several runs ({@link #ambiguousName}). */
    public boolean isAmbiguousName() {
        return ambiguousName;
    }

    /** Whether the file itself is the trouble (see the class's note), not the machine it is on. */
    public boolean isUnusableFile() {
        return unusableFile;
    }
}
