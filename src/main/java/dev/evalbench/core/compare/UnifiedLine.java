package dev.evalbench.core.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a diff as a patch shows it, one text under the other: a line both texts hold, a line removed
 * (numbered in the first text), a line added (numbered in the second), or a gap where unchanged lines are left out.
 * A changed line of an {@link OutputDiff} is a removed line followed by an added one, each with its changed words
 * marked, so a reader sees which words of a long line moved (a prompt's paragraph is one line in YAML).
 * Immutable; {@link #of} is pure.
 *
 * @param number the line's number in the text it comes from (the second text for a line both hold); null in a gap
 * @param segments the line's text; only in a line of a changed row are words marked {@code changed}
 */
public record UnifiedLine(Kind kind, Integer number, List<DiffSegment> segments) {
    public enum Kind {
        SAME(' '), REMOVED('-'), ADDED('+'), GAP('~');

        private final char sign;

        Kind(char sign) {
            this.sign = sign;
        }

        /** The sign a patch puts before such a line ({@code ~} for a gap, which a patch writes as a hunk header). */
        public char sign() {
            return sign;
        }
    }

    /** What a gap line says. */
    public static final String GAP_TEXT = "…";

    private static final UnifiedLine GAP = new UnifiedLine(Kind.GAP, null, List.of(new DiffSegment(GAP_TEXT, false)));

    public UnifiedLine {
        segments = List.copyOf(segments);
    }

    /** The line's text, without its sign. */
    public String text() {
        StringBuilder text = new StringBuilder();
        segments.forEach(s -> text.append(s.text()));
        return text.toString();
    }

    /**
     * The rows of {@code rows} (all of a diff's, or its {@link OutputDiff#hunks}) as unified lines, a gap line where
     * consecutive rows are not neighbours in the texts.
     */
    public static List<UnifiedLine> of(List<DiffRow> rows) {
        List<UnifiedLine> lines = new ArrayList<>(rows.size() + 8);
        DiffRow previous = null;
        for (DiffRow row : rows) {
            if (previous != null && !follows(previous, row)) lines.add(GAP);
            switch (row.kind()) {
                case EQUAL -> lines.add(new UnifiedLine(Kind.SAME, row.afterLine(), row.after()));
                // A whole line removed or added has no words to mark: its tint says it all.
                case DELETED -> lines.add(new UnifiedLine(Kind.REMOVED, row.beforeLine(), unmarked(row.before())));
                case INSERTED -> lines.add(new UnifiedLine(Kind.ADDED, row.afterLine(), unmarked(row.after())));
                case CHANGED -> {
                    lines.add(new UnifiedLine(Kind.REMOVED, row.beforeLine(), row.before()));
                    lines.add(new UnifiedLine(Kind.ADDED, row.afterLine(), row.after()));
                }
            }
            previous = row;
        }
        return lines;
    }

    private static List<DiffSegment> unmarked(List<DiffSegment> segments) {
        return segments.stream().map(s -> new DiffSegment(s.text(), false)).toList();
    }

    /** Whether {@code next} comes right after {@code row} in either text (a hunk goes on, no lines left out). */
    private static boolean follows(DiffRow row, DiffRow next) {
        boolean before = row.beforeLine() != null && next.beforeLine() != null && next.beforeLine() == row.beforeLine() + 1;
        boolean after = row.afterLine() != null && next.afterLine() != null && next.afterLine() == row.afterLine() + 1;
        // A block of changed lines lists its removed rows, or its added ones, after its changed rows, never both, so
        // a removed row is followed in the first text and an added row in the second.
        return before || after;
    }
}
