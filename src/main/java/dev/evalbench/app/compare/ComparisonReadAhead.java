package dev.evalbench.app.compare;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.LatestOnly;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.core.compare.ReviewCase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads the selected case of a comparison ({@link #read}) and the regressions around it ahead of the reviewer:
 * the next {@value #AHEAD} regressions of the list and the previous one, nearest first, one at a time on one task
 * (each read starts the next), so J and K show them without waiting on the store; a case selected while its
 * read-ahead runs waits for that read rather than starting another. The comparisons it shows go to {@code show},
 * a failed read of the selected case to {@code problem}. UI thread only; the reads run on the task runner.
 */
final class ComparisonReadAhead {
    /** How many regressions after the selected one are read ahead. */
    static final int AHEAD = 6;

    /** Reads both records of a case in full and diffs them; task bodies only. */
    @FunctionalInterface
    interface Reader {
        CaseComparison apply(ReviewCase row) throws Exception;
    }

    private final TaskRunner runner;
    private final LatestOnly reading;
    private final Reader compare;
    private final Supplier<List<ReviewCase>> rows;
    private final Supplier<ReviewCase> selected;
    private final Consumer<CaseComparison> show;
    private final Consumer<String> problem;
    /** Comparisons read ahead, by key. */
    private final Map<String, CaseComparison> prefetched = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CaseComparison> eldest) {
            return size() > 4 * AHEAD;
        }
    };
    /** The key being read ahead right now, or null. */
    private String aheadKey;
    /** The selected case's key while its read-ahead is still running, else null. */
    private String awaited;

    /**
     * @param compare  both records of a case, read and diffed (task bodies only)
     * @param rows     the list as shown, which the regressions around a case are taken from
     * @param selected the case selected now
     */
    ComparisonReadAhead(TaskRunner runner, Reader compare,
                        Supplier<List<ReviewCase>> rows, Supplier<ReviewCase> selected,
                        Consumer<CaseComparison> show, Consumer<String> problem) {
        this.runner = runner;
        this.reading = new LatestOnly(runner);
        this.compare = compare;
        this.rows = rows;
        this.selected = selected;
        this.show = show;
        this.problem = problem;
    }

    /** Shows {@code row}'s comparison (null: nothing) once read, then reads the regressions around it ahead. */
    void read(ReviewCase row) {
        if (row == null) {
            reading.cancelPending();
            awaited = null;
            show.accept(null);
            return;
        }
        CaseComparison known = prefetched.get(row.key());
        if (known != null) {
            // Read ahead while the reviewer looked at the cases before: J shows it without waiting on the store.
            reading.cancelPending();
            awaited = null;
            show.accept(known);
            prefetchAround(row);
            return;
        }
        if (row.key().equals(aheadKey)) {
            // Already being read ahead: shown when that read lands, not read a second time.
            reading.cancelPending();
            awaited = row.key();
            return;
        }
        awaited = null;
        reading.submit(() -> compare.apply(row), c -> {
            show.accept(c);
            prefetchAround(row);
        }, e -> problem.accept("Cannot read case " + row.key() + ": " + e.getMessage()));
    }

    /** Reads ahead the nearest regression around {@code row} not read yet, unless a read-ahead is running. */
    private void prefetchAround(ReviewCase row) {
        if (aheadKey != null) return; // the running read picks the next one when it lands
        ReviewCase next = nextToRead(row);
        if (next == null) return;
        aheadKey = next.key();
        BackgroundTask.of(() -> compare.apply(next)).onSuccess(c -> {
            aheadKey = null;
            prefetched.put(next.key(), c);
            landed(next, c);
        }).onFailure(e -> {
            aheadKey = null;
            // Read again when selected, and reported then.
            landed(next, null);
        }).executeWith(runner);
    }

    /** A read-ahead finished ({@code c} null when it failed): show it if it is awaited, then read the next one. */
    private void landed(ReviewCase done, CaseComparison c) {
        ReviewCase now = selected.get();
        if (done.key().equals(awaited) && now != null && now.key().equals(done.key())) {
            awaited = null;
            if (c == null) {
                read(now);
                return;
            }
            show.accept(c);
        }
        if (now != null) prefetchAround(now);
    }

    /** The nearest regression after {@code row} (then the one before it) that is not read yet, or null. */
    private ReviewCase nextToRead(ReviewCase row) {
        List<ReviewCase> list = rows.get();
        int at = list.indexOf(row);
        int from = at;
        for (int i = 0; i < AHEAD; i++) {
            int next = CompareViewModel.nextRegression(list, from, 1);
            if (next < 0 || next == at) break;
            if (!prefetched.containsKey(list.get(next).key())) return list.get(next);
            from = next;
        }
        int previous = CompareViewModel.nextRegression(list, at, -1);
        return previous >= 0 && previous != at && !prefetched.containsKey(list.get(previous).key())
                ? list.get(previous) : null;
    }
}
