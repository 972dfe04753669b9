package dev.evalbench.core.report.sign;

/**
 * Input that cannot be used for signing or verifying at all: a missing or unreadable file, a file that is not
 * JSON or not an envelope, a file that is not a PEM key of the expected kind, a key file that already exists.
 * The message starts with the file name and says what was expected, e.g. {@code evalbench.key: not a PEM
 * private key ...}. Distinct from a verification that ran and failed (a {@link VerificationResult} with
 * {@code valid == false}): the CLI maps this exception to exit code 2 and an invalid result to exit code 1.
 */
public final class SigningInputException extends Exception {
    public SigningInputException(String message) {
        super(message);
    }

    public SigningInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
