package dev.evalbench.core.compare;

import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word-level diff of two lines: both are cut into tokens (decimal numbers, runs of letters and digits, runs of
 * spaces, and single other characters, so {@code "high",} gives {@code "}, {@code high}, {@code "}, {@code ,}) and
 * diffed with java-diff-utils ({@link BoundedDiff}). The tokens of one unchanged run, or of one change, form
 * one segment. Pure.
 */
final class WordDiff {
    /** A decimal number is one token ("0.10": a changed limit reads [-0.10-]{+1.00+}, not [-0-]{+1+}.[-10-]{+00+}). */
    private static final Pattern TOKEN = Pattern.compile("\\p{N}+(?:\\.\\p{N}+)+|[\\p{L}\\p{N}_]+|\\s+|.", Pattern.DOTALL);

    private WordDiff() {}

    /**
     * Segments of {@code before} and of {@code after}, changed words marked on each side. Both sides hold the
     * same unchanged segments in the same order (one per unchanged run, never merged with another), so the
     * two sides can be walked together.
     */
    static List<List<DiffSegment>> between(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        List<DiffSegment> left = new ArrayList<>();
        List<DiffSegment> right = new ArrayList<>();
        for (AbstractDelta<String> delta : BoundedDiff.deltas(a, b)) {
            boolean changed = delta.getType() != DeltaType.EQUAL;
            if (changed) {
                // Joined first: appending token by token copied the growing segment each time (the square of a
                // long change's length).
                append(left, String.join("", delta.getSource().getLines()), true);
                append(right, String.join("", delta.getTarget().getLines()), true);
            } else {
                String text = String.join("", delta.getSource().getLines());
                if (!text.isEmpty()) {
                    left.add(new DiffSegment(text, false));
                    right.add(new DiffSegment(text, false));
                }
            }
        }
        return List.of(left, right);
    }

    static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** Appends changed text, merging it into the last segment when that is changed too. */
    private static void append(List<DiffSegment> segments, String text, boolean changed) {
        if (text.isEmpty()) return;
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).changed() == changed) {
            segments.set(last, new DiffSegment(segments.get(last).text() + text, changed));
        } else {
            segments.add(new DiffSegment(text, changed));
        }
    }
}
