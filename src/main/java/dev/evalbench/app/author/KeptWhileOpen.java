package dev.evalbench.app.author;

import dev.evalbench.app.editor.KeptEdits;
import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.core.service.ConfiguredKeys;
import dev.evalbench.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Keeps the unsaved edits of the open editors (templates, configuration files, the case typed in under a dataset's
 * table) in the recovery folder ({@link KeptEdits}), where the next start offers them: at a stop the window sees but
 * nobody could be asked about (a signal: {@link #atStop}), and every two seconds while the window runs
 * ({@link #keepNow}), so a crash or a kill it never sees (SIGKILL, the power gone) loses at most that much typing; a
 * text unchanged since it was last kept, and still what the recovery folder holds, is not written again, so keeping
 * that often costs nothing while nobody types, and the time kept says when the typing stopped. What is kept follows
 * what is unsaved: a file saved, reverted or discarded since is forgotten at the next keeping, the last one at the
 * stop. Never a text that holds a configured API key: the workbench writes no copy of a key outside the
 * workspace by nobody's choice. Gathers on the FX thread; writes on the task runner, or at a stop on the thread that
 * runs the stop's work, one writer at a time, none after the stop's.
 */
final class KeptWhileOpen {
    /** How often, in milliseconds, edits are kept while the window runs; a test may ask for less. */
    static final String EVERY_PROPERTY = "evalbench.keepEditsEveryMs";
    static final long EVERY_MS = 2_000;

    /**
     * An editor's unsaved text and the file's text it was edited from; for a dataset's case, which case ({@code caseAt})
     * and its line as read ({@code base}; null for a new case).
     */
    record Unsaved(Path file, String text, String base, KeptEdits.CaseAt caseAt) {}

    private final KeptEdits kept;
    private final TaskRunner runner;
    private final Supplier<List<Unsaved>> unsaved;
    private final Supplier<Workspace> workspace;
    private final Map<String, String> env;
    private final Object writing = new Object();
    /** The edits this window has kept, by file, as they were kept (FX thread). */
    private Map<Path, Unsaved> keptNow = Map.of();
    /** Set by the stop's work: a keeping still queued then writes nothing (guarded by {@link #writing}). */
    private boolean stopped;

    /**
     * @param unsaved   the open editors' unsaved edits, gathered when called (FX thread)
     * @param workspace the open workspace, whose routes name the configured keys (null: none known)
     */
    KeptWhileOpen(KeptEdits kept, TaskRunner runner, Supplier<List<Unsaved>> unsaved, Supplier<Workspace> workspace,
                  Map<String, String> env) {
        this.kept = kept;
        this.runner = runner;
        this.unsaved = unsaved;
        this.workspace = workspace;
        this.env = env;
    }

    /** The interval the window keeps edits at: {@value #EVERY_MS} ms unless {@value #EVERY_PROPERTY} says otherwise. */
    static long everyMs() {
        return Long.getLong(EVERY_PROPERTY, EVERY_MS);
    }

    /** Keeps what is unsaved now and forgets what no longer is, off the FX thread. FX thread. */
    void keepNow() {
        Runnable work = work(false);
        if (work == null) return;
        BackgroundTask.run(work::run).onFailure(e -> System.err.println("evalbench: could not keep the unsaved edits: "
                + e.getMessage())).executeWith(runner);
    }

    /** The stop's work, gathered now (FX thread), for the thread that writes the settings. */
    Runnable atStop() {
        return work(true);
    }

    /** Null when a keeping has nothing to do; the stop's work always ends the keeping. */
    private Runnable work(boolean last) {
        List<Unsaved> unsavedNow = unsaved.get();
        Map<Path, Unsaved> byFile = unsavedNow.stream().collect(Collectors.toMap(Unsaved::file, u -> u, (a, b) -> b));
        Set<Path> gone = new HashSet<>(keptNow.keySet());
        gone.removeAll(byFile.keySet());
        Map<Path, Unsaved> before = keptNow;
        keptNow = byFile;
        if (!last && unsavedNow.isEmpty() && gone.isEmpty()) return null;
        Workspace ws = workspace.get();
        Instant at = Instant.now();
        return () -> {
            synchronized (writing) {
                if (stopped) return;
                stopped = last;
                for (Unsaved edits : unsavedNow) {
                    // Unchanged since this window kept it, and what the recovery folder still holds (another window on
                    // the workspace may have written over it, or forgotten it on a save): not written again. The stop
                    // writes every text, so the time kept is the stop's ("kept when the workbench was stopped at …").
                    if (!last && edits.equals(before.get(edits.file())) && stillKept(edits)) continue;
                    keep(ws, edits, at, last);
                }
                gone.forEach(this::forget);
            }
        };
    }

    private boolean stillKept(Unsaved edits) {
        return kept.find(edits.file()).filter(k -> k.text().equals(edits.text())).isPresent();
    }

    /** @param say whether to say on stderr that a text holding a key was not kept (once, at the stop) */
    private void keep(Workspace ws, Unsaved edits, Instant at, boolean say) {
        if (ConfiguredKeys.foundIn(ws, env, edits.text())) {
            if (say) {
                System.err.println("evalbench: the unsaved edits of " + edits.file() + " hold a configured API key: not kept");
            }
            return;
        }
        try {
            if (edits.caseAt() == null) kept.keep(edits.file(), edits.text(), edits.base(), at);
            else kept.keepCase(edits.file(), edits.caseAt(), edits.text(), edits.base(), at);
        } catch (IOException e) {
            System.err.println("evalbench: could not keep the unsaved edits of " + edits.file() + ": " + e.getMessage());
        }
    }

    private void forget(Path file) {
        try {
            kept.forget(file);
        } catch (IOException e) {
            System.err.println("evalbench: could not forget the kept edits of " + file + ": " + e.getMessage());
        }
    }
}
