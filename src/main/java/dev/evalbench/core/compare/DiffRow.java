package dev.evalbench.core.compare;

import java.util.List;

/**
 * One row of a side-by-side diff. {@code beforeLine} and {@code afterLine} are 1-based line numbers, null on
 * the side the row does not exist ({@link Kind#INSERTED} has no before side, {@link Kind#DELETED} no after
 * side). The segments concatenate to the line's text; in a {@link Kind#CHANGED} row the segments marked
 * {@code changed} are the words that differ, in the other rows every segment is marked as the whole row is.
 * Immutable.
 */
public record DiffRow(Kind kind, Integer beforeLine, List<DiffSegment> before, Integer afterLine, List<DiffSegment> after) {
    public enum Kind { EQUAL, CHANGED, DELETED, INSERTED }

    public DiffRow {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    public String beforeText() {
        return join(before);
    }

    public String afterText() {
        return join(after);
    }

    private static String join(List<DiffSegment> segments) {
        StringBuilder text = new StringBuilder();
        segments.forEach(s -> text.append(s.text()));
        return text.toString();
    }
}
