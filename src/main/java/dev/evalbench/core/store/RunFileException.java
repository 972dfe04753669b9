package dev.evalbench.core.store;

import java.io.IOException;

/**
 * A run file (an export or a report.json) that cannot be read: which file, where in it (1-based; 0 when
 * unknown) and what is wrong, in the user's words. The message is the printed form {@code file:line:col: ...}.
 */
public final class RunFileException extends IOException {
    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public RunFileException(String file, int line, int column, String problem) {
        super(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String file() { return file; }

    public int line() { return line; }

    public int column() { return column; }

    /** What is wrong, without the location. */
    public String problem() { return problem; }
}
