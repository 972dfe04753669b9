package dev.evalbench.core.service;

import java.util.List;

/**
 * An edit made in the workbench could not be written: a case's text is no JSON object, the workspace would refuse
 * the edit (each reason as the loader words it, with the file and line), or the file changed under the edit.
 * {@code line} and {@code column} are where in the edited text the first reason lies (1-based; 0 when it is not in
 * the text). Nothing was written.
 */
public final class EditRefusedException extends Exception {
    private final transient List<String> reasons;
    private final int line;
    private final int column;

    public EditRefusedException(List<String> reasons, int line, int column) {
        super(String.join("\n", reasons));
        this.reasons = List.copyOf(reasons);
        this.line = line;
        this.column = column;
    }

    public EditRefusedException(String reason) {
        this(List.of(reason), 0, 0);
    }

    public List<String> reasons() {
        return reasons;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
