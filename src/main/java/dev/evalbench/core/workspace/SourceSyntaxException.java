package dev.evalbench.core.workspace;

/** A file could not be parsed at all; carries the one error saying where and why. */
final class SourceSyntaxException extends Exception {
    private final transient InputError error;

    SourceSyntaxException(InputError error) {
        super(error.toString());
        this.error = error;
    }

    InputError error() {
        return error;
    }
}
