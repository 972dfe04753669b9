package dev.evalbench.core.cel;

/**
 * A CEL expression that does not compile, does not type-check or could not be evaluated. {@code line} and
 * {@code column} are 1-based positions inside the expression text (0 when unknown, as for evaluation
 * errors); callers place them in the file the expression came from. The message is CEL's own words.
 */
public final class ExpressionException extends Exception {
    private final int line;
    private final int column;

    public ExpressionException(int line, int column, String message) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
