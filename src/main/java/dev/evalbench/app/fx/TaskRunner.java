package dev.evalbench.app.fx;

/**
 * Runs background work for the workbench: every call into a service (SQLite, the file system, a provider)
 * goes through one of these, never onto the FX thread. The real one ({@link FxTaskRunner}) runs work on a
 * small pool and delivers callbacks on the FX thread; tests use {@link SameThreadTaskRunner}, which does both
 * on the calling thread so view-model tests are deterministic.
 *
 * <p>Callbacks ({@code onSuccess}, {@code onFailure}) and {@link #onUi} bodies always run on the UI thread of
 * this runner; a task body never does.
 */
public interface TaskRunner extends AutoCloseable {
    /** Starts the task; returns at once. */
    <T> void execute(BackgroundTask<T> task);

    /** Runs {@code body} on the UI thread: later when called from elsewhere, in order. */
    void onUi(Runnable body);

    /**
     * Runs {@code body} on the UI thread once the event being handled there is done, even when called on it (a
     * modal dialog opened inside a key press would take the key's release). Runners without an event loop run it
     * as {@link #onUi} does.
     */
    default void afterThisEvent(Runnable body) {
        onUi(body);
    }

    /** Stops accepting work (tasks handed over afterwards are dropped); running tasks are interrupted. */
    @Override
    void close();
}
