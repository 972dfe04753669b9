package dev.evalbench.core.compare;

import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * A side-by-side diff of two texts, by line and, within changed lines, by word (java-diff-utils, Myers, with
 * its work bounded: {@link BoundedDiff}).
 * Lines of a changed block are paired in order; what is left over on one side becomes deleted or inserted
 * rows. Texts are split on {@code \n} (a {@code \r} before it is dropped), so "a\n" and "a" differ only by an
 * empty last line. Immutable; {@link #between} is pure and thread-safe.
 */
public record OutputDiff(List<DiffRow> rows) {
    public OutputDiff {
        rows = List.copyOf(rows);
    }

    public static OutputDiff between(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<DiffRow> rows = new ArrayList<>();
        for (AbstractDelta<String> delta : BoundedDiff.deltas(a, b)) {
            List<String> left = delta.getSource().getLines();
            List<String> right = delta.getTarget().getLines();
            int leftStart = delta.getSource().getPosition() + 1;
            int rightStart = delta.getTarget().getPosition() + 1;
            switch (delta.getType()) {
                case EQUAL -> {
                    for (int i = 0; i < left.size(); i++) {
                        List<DiffSegment> same = left.get(i).isEmpty() ? List.of() : List.of(new DiffSegment(left.get(i), false));
                        rows.add(new DiffRow(DiffRow.Kind.EQUAL, leftStart + i, same, rightStart + i, same));
                    }
                }
                case DELETE, INSERT, CHANGE -> addChangedBlock(rows, left, leftStart, right, rightStart);
            }
        }
        return new OutputDiff(rows);
    }

    /** Whether the two texts differ at all. */
    public boolean changed() {
        return rows.stream().anyMatch(r -> r.kind() != DiffRow.Kind.EQUAL);
    }

    /** Only the rows that differ, with up to {@code context} equal rows around each: for short views. */
    public List<DiffRow> hunks(int context) {
        List<DiffRow> shown = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (nearChange(i, context)) shown.add(rows.get(i));
        }
        return shown;
    }

    private boolean nearChange(int index, int context) {
        for (int j = Math.max(0, index - context); j <= Math.min(rows.size() - 1, index + context); j++) {
            if (rows.get(j).kind() != DiffRow.Kind.EQUAL) return true;
        }
        return false;
    }

    private static void addChangedBlock(List<DiffRow> rows, List<String> left, int leftStart, List<String> right, int rightStart) {
        int paired = Math.min(left.size(), right.size());
        for (int i = 0; i < paired; i++) {
            List<List<DiffSegment>> words = WordDiff.between(left.get(i), right.get(i));
            rows.add(new DiffRow(DiffRow.Kind.CHANGED, leftStart + i, words.get(0), rightStart + i, words.get(1)));
        }
        for (int i = paired; i < left.size(); i++) {
            rows.add(new DiffRow(DiffRow.Kind.DELETED, leftStart + i, whole(left.get(i)), null, List.of()));
        }
        for (int i = paired; i < right.size(); i++) {
            rows.add(new DiffRow(DiffRow.Kind.INSERTED, null, List.of(), rightStart + i, whole(right.get(i))));
        }
    }

    private static List<DiffSegment> whole(String line) {
        return line.isEmpty() ? List.of() : List.of(new DiffSegment(line, true));
    }

    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        return lines;
    }
}
