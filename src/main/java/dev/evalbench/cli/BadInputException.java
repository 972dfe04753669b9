package dev.evalbench.cli;

/** A command-line argument that cannot be used (a file that is not there, a bad key). Exit code 2. */
public final class BadInputException extends Exception {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
