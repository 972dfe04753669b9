package dev.evalbench.core.template;

import dev.evalbench.core.workspace.InputError;

/**
 * A template could not be rendered (syntax error or missing variable). The message names the file, the part and
 * the line within the part: {@code prompts/triage.yaml: body line 3: variable "customer" is not defined}.
 */
public final class TemplateException extends Exception {
    private final String file;
    private final String part;
    private final int line;
    private final String problem;

    /**
     * @param part "system" or "body"
     * @param line the line within the part, or 0 when unknown
     * @param problem what is wrong, without the place ("variable "customer" is not defined")
     */
    public TemplateException(String file, String part, int line, String problem, Throwable cause) {
        super(file + ": " + (line > 0 ? part + " line " + line : part) + ": " + problem, cause);
        this.file = file;
        this.part = part;
        this.line = line;
        this.problem = problem;
    }

    public String file() { return file; }

    public String part() { return part; }

    /** The line within the part, or 0. */
    public int line() { return line; }

    public String problem() { return problem; }

    /** Whether the part does not parse at all (not a variable a case lacks): nothing else in it can be read. */
    public boolean syntaxError() {
        return problem.startsWith(SYNTAX_ERROR);
    }

    /** How a syntax error's problem begins. */
    static final String SYNTAX_ERROR = "template syntax error: ";

    /**
     * This problem where the author edits it: at the file's line, given the file line of the part's first line
     * ({@code PromptPartLines}; 0 when unknown, then the part's own line alone is named).
     */
    public InputError inFile(int partFirstLine) {
        int fileLine = partFirstLine > 0 && line > 0 ? partFirstLine + line - 1 : 0;
        return new InputError(file, fileLine, 0, (line > 0 ? part + " line " + line : part) + ": " + problem);
    }
}
