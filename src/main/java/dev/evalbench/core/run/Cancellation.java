package dev.evalbench.core.run;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks a running run to stop: no new case starts, calls in flight are interrupted, finished cases stay
 * stored and the run is marked incomplete (resumable). Safe to call from any thread, any number of times.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Runnable onCancel = () -> {};

    public void cancel() {
        if (cancelled.compareAndSet(false, true)) onCancel.run();
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** The engine's hook to interrupt its workers; runs at once when already cancelled. */
    void onCancel(Runnable action) {
        this.onCancel = action;
        if (cancelled.get()) action.run();
    }
}
