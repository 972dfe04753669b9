package dev.evalbench.core.compare;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeleteDelta;
import com.github.difflib.patch.EqualDelta;
import com.github.difflib.patch.InsertDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * java-diff-utils' Myers diff, equal parts included, with its work bounded. Myers compares about (N + M) × D
 * pairs for N and M items and D differences, so two long texts that differ throughout cost the square of their
 * length: two model answers of 150,000 characters on one line took 145 s to diff word by word, and the route's
 * 1 MB would take hours, in {@code compare}, {@code report} and the review window. Past {@value #MAX_STEPS}
 * steps (comparisons, and diagonals walked) the diff is given up and the two sides are shown as one change
 * between their common start and common end: texts that different gain nothing from a word-by-word view.
 * Counted, not timed: the same diff on every machine. Pure and thread-safe.
 */
final class BoundedDiff {
    /**
     * About half a second of Myers' work on 2 cores: two answers of 2,000 words that share nothing but their
     * vocabulary still diff word by word; texts that differ in a few places never come near it.
     */
    static final long MAX_STEPS = 50_000_000L;

    private BoundedDiff() {}

    /** The deltas from {@code a} to {@code b}, equal runs included, in order. */
    static <T> List<AbstractDelta<T>> deltas(List<T> a, List<T> b) {
        Work work = new Work();
        BiPredicate<T, T> counted = (x, y) -> {
            work.spend(1);
            return x.equals(y);
        };
        try {
            return DiffUtils.diff(a, b, new MyersDiff<>(counted), work, true).getDeltas();
        } catch (GivenUp e) {
            return oneChange(a, b);
        }
    }

    /**
     * Myers' work so far: each comparison, and each of the 2d + 1 diagonals it steps through at the d-th
     * difference (most of the work when the texts share little: few comparisons, many diagonals).
     */
    private static final class Work implements DiffAlgorithmListener {
        private long left = MAX_STEPS;

        void spend(long steps) {
            left -= steps;
            if (left < 0) throw new GivenUp();
        }

        @Override
        public void diffStart() {}

        @Override
        public void diffStep(int differences, int max) {
            spend(2L * differences + 1);
        }

        @Override
        public void diffEnd() {}
    }

    /** The common start and end as equal runs, and everything between as one change. */
    private static <T> List<AbstractDelta<T>> oneChange(List<T> a, List<T> b) {
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) start++;
        int end = 0;
        while (end < a.size() - start && end < b.size() - start
                && a.get(a.size() - 1 - end).equals(b.get(b.size() - 1 - end))) end++;
        List<AbstractDelta<T>> deltas = new ArrayList<>();
        if (start > 0) deltas.add(new EqualDelta<>(chunk(a, 0, start), chunk(b, 0, start)));
        Chunk<T> source = chunk(a, start, a.size() - end);
        Chunk<T> target = chunk(b, start, b.size() - end);
        if (!source.getLines().isEmpty() && !target.getLines().isEmpty()) deltas.add(new ChangeDelta<>(source, target));
        else if (!source.getLines().isEmpty()) deltas.add(new DeleteDelta<>(source, target));
        else if (!target.getLines().isEmpty()) deltas.add(new InsertDelta<>(source, target));
        if (end > 0) deltas.add(new EqualDelta<>(chunk(a, a.size() - end, a.size()), chunk(b, b.size() - end, b.size())));
        return deltas;
    }

    private static <T> Chunk<T> chunk(List<T> items, int from, int to) {
        return new Chunk<>(from, new ArrayList<>(items.subList(from, to)));
    }

    /** Thrown by the counting equalizer to leave Myers' loops; carries nothing. */
    private static final class GivenUp extends RuntimeException {
        GivenUp() {
            super(null, null, false, false);
        }
    }
}
