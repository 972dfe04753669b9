package dev.evalbench.core.service;

import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A workspace folder being loaded on its own thread (as {@link Components#loadFor} loads it), so a command
 * that also reads a large run from the history does both at once: on two cores gating 100,000 stored cases
 * then costs the longer of the two rather than their sum. The loading thread is a daemon and reads only the
 * folder; nothing is shared with the caller until {@link #get}. Thread-safe.
 */
public final class PendingWorkspace {
    private final BackgroundValue<Workspace> load;

    private PendingWorkspace(BackgroundValue<Workspace> load) {
        this.load = load;
    }

    /**
     * Starts loading {@code dir} for reading {@code run} (see {@link Components#loadFor}).
     *
     * @param env read by the loading thread: the caller must not change it meanwhile (the process environment never changes)
     */
    public static PendingWorkspace start(Path dir, Map<String, String> env, RunHeader run) {
        return new PendingWorkspace(BackgroundValue.start("workspace-load", () -> Components.loadFor(dir, env, run)));
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
                    return load.get(WorkspaceException.class);
                } catch (InterruptedException e) {
                    interrupted = true; // the load is short and reads local files: finish it, then restore the flag
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
