package dev.evalbench.core.workspace;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: the workspace (or a file named on the command line) cannot be used. Maps to exit code 2. */
public class WorkspaceException extends Exception {
    private final List<InputError> errors;

    public WorkspaceException(List<InputError> errors) {
        super(errors.stream().map(InputError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public WorkspaceException(InputError error) {
        this(List.of(error));
    }

    public List<InputError> errors() {
        return errors;
    }
}
