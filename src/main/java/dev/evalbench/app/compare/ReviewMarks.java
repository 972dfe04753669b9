package dev.evalbench.app.compare;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The cases a reviewer marked reviewed in one comparison, kept in a {@link ReviewMarksFile} when one is given
 * ({@link #keepIn}), else for the life of the view. The file is read and written off the UI thread; a mark made
 * while it is being read is merged with what it held. UI thread only.
 */
final class ReviewMarks {
    private final TaskRunner runner;
    private final Runnable changed;
    private final Consumer<String> problem;
    private final Set<String> reviewed = new HashSet<>();
    private ReviewMarksFile file;
    private ReviewMarksFile.Pair pair;

    /**
     * @param changed called after the marks changed (a toggle, or the kept marks read back)
     * @param problem told a sentence when the file cannot be read or written
     */
    ReviewMarks(TaskRunner runner, Runnable changed, Consumer<String> problem) {
        this.runner = runner;
        this.changed = changed;
        this.problem = problem;
    }

    /** Keeps the marks in {@code marksFile}: read at {@link #read}, written at each mark. */
    void keepIn(ReviewMarksFile marksFile) {
        this.file = marksFile;
    }

    /** Reads the marks kept for this pair of runs, if a file was given. */
    void read(String firstRunId, String secondRunId) {
        if (file == null) return;
        ReviewMarksFile.Pair kept = file.pair(firstRunId, secondRunId);
        BackgroundTask.of(kept::read).onSuccess(keys -> {
            pair = kept;
            // Merged: a mark made while the file was being read stays, and is written now (not before: a write
            // could have replaced the file before it was read).
            reviewed.addAll(keys);
            changed.run();
            if (!reviewed.equals(keys)) save();
        }).onFailure(e -> {
            pair = kept;
            problem.accept("Cannot read the review marks kept in " + kept.file() + ": " + e.getMessage());
        }).executeWith(runner);
    }

    /** Marks the case reviewed (or not again, when it was), and keeps the marks. */
    void toggle(String key) {
        if (!reviewed.remove(key)) reviewed.add(key);
        changed.run();
        save();
    }

    boolean contains(String key) {
        return reviewed.contains(key);
    }

    int size() {
        return reviewed.size();
    }

    /** Writes the marks off the UI thread, once they were read (until then a mark is written with them). */
    private void save() {
        if (pair == null) return;
        ReviewMarksFile.Pair target = pair;
        long version = target.nextVersion();
        Set<String> now = Set.copyOf(reviewed);
        BackgroundTask.run(() -> target.write(version, now))
                .onFailure(e -> problem.accept("Cannot keep the review marks in " + target.file() + ": " + e.getMessage()))
                .executeWith(runner);
    }
}
