package dev.evalbench.core.route.cache;

/** The cache database could not be opened, read or written. The message names the file, never a key. */
public final class CacheException extends RuntimeException {
    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
