package dev.evalbench.core.store;

/** The history could not be read or written (locked, corrupt, disk full, newer schema version). */
public final class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
