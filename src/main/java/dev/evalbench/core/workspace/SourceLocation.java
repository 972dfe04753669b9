package dev.evalbench.core.workspace;

/** A 1-based line and column in a source file; 0 means unknown. */
record SourceLocation(int line, int column) {
    static final SourceLocation UNKNOWN = new SourceLocation(0, 0);
}
