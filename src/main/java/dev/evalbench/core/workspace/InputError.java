package dev.evalbench.core.workspace;

/**
 * One problem with user input: which file, where in it (1-based; 0 when unknown), and what was expected.
 * {@link #toString()} is the form printed to users: {@code prompts/triage.yaml:12:5: ...}.
 */
public record InputError(String file, int line, int column, String message) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        return sb.append(": ").append(message).toString();
    }
}
