package dev.evalbench.core.service;

import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A workspace folder being loaded on its own thread (as {@link Components#loadFor} loads it), so a command
 * that also reads a large run from the history does both at once: on two cores gating 100,000 stored cases
 * then costs the longer of the two rather than their sum. The loading thread is a daemon and reads only the
 * folder; nothing is shared with the caller until {@link #get}. Thread-safe.
 */
public final class PendingWorkspace {
    private final FutureTask<Workspace> task;

    private PendingWorkspace(FutureTask<Workspace> task) {
        this.task = task;
    }

    /**
     * Starts loading {@code dir} for reading {@code run} (see {@link Components#loadFor}).
     *
     * @param env read by the loading thread: the caller must not change it meanwhile (the process environment never changes)
     */
    public static PendingWorkspace start(Path dir, Map<String, String> env, RunHeader run) {
        FutureTask<Workspace> task = new FutureTask<>(() -> Components.loadFor(dir, env, run));
        Thread loader = new Thread(task, "workspace-load");
        loader.setDaemon(true);
        loader.start();
        return new PendingWorkspace(task);
    }

    /**
     * Waits for the load and returns the workspace.
     *
     * @throws WorkspaceException as {@link Components#loadFor} throws it (the folder's problems)
     */
    public Workspace get() throws WorkspaceException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the load is short and reads local files: finish it, then restore the flag
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WorkspaceException w) throw w;
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException("loading the workspace failed", cause);
        } catch (CancellationException e) {
            throw new IllegalStateException("loading the workspace was cancelled", e);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
