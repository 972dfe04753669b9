package dev.evalbench.core.service;

import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.WorkspaceException;

/**
 * Bad input in a request to a service (not in a workspace file): which {@code field} of the request ("route",
 * "suite", "repeat", "concurrency", "run", "baseline", "tag", "db"), the value given when it helps, and the
 * reason. Core never words it for one front end: the CLI maps a field to its flag, the workbench to its control.
 * As a {@link WorkspaceException} it is still bad input (exit code 2) where only that is caught; its one
 * {@link InputError} names the value (or else the field) in place of a file.
 */
public final class RequestException extends WorkspaceException {
    private final String field;
    private final String value;
    private final String reason;

    public RequestException(String field, String reason) {
        this(field, null, reason);
    }

    /** @param value what the request gave for the field (a run reference, say); null when the reason says it all */
    public RequestException(String field, String value, String reason) {
        super(new InputError(value == null ? field : value, 0, 0, reason));
        this.field = field;
        this.value = value;
        this.reason = reason;
    }

    /** @return what the request gave for the field, or null */
    public String value() {
        return value;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
