package dev.evalbench.core.service;

import dev.evalbench.core.workspace.InputError;

/** A prompt file's text could not be edited: which file, where (1-based; 0 when unknown) and why. */
public final class PromptFileException extends Exception {
    private final transient InputError error;

    public PromptFileException(String file, int line, int column, String message) {
        super(new InputError(file, line, column, message).toString());
        this.error = new InputError(file, line, column, message);
    }

    public InputError error() {
        return error;
    }
}
