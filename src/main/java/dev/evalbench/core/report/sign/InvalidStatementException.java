package dev.evalbench.core.report.sign;

/** A payload that is not an in-toto Statement v1 as evalbench writes it; the message says what is wrong. */
public final class InvalidStatementException extends Exception {
    public InvalidStatementException(String message) {
        super(message);
    }

    public InvalidStatementException(String message, Throwable cause) {
        super(message, cause);
    }
}
