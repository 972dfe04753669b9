package dev.evalbench.core.template;

/** A template could not be rendered (syntax error or missing variable); the message names file and line. */
public final class TemplateException extends Exception {
    private final String file;
    private final int line;

    public TemplateException(String file, int line, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
    }

    public String file() { return file; }

    public int line() { return line; }
}
