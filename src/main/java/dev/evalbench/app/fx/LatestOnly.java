package dev.evalbench.app.fx;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Drops stale answers: each {@link #submit} supersedes the ones before it, and only the newest task's result
 * reaches its callback. For work re-triggered faster than it finishes (a filter typed over, a case list
 * scrolled through, a preview re-rendered on every keystroke). Use from the UI thread.
 */
public final class LatestOnly {
    private final TaskRunner runner;
    private final AtomicLong generation = new AtomicLong();

    public LatestOnly(TaskRunner runner) {
        this.runner = runner;
    }

    public <T> void submit(BackgroundTask.ThrowingSupplier<T> body, Consumer<? super T> onSuccess,
                           Consumer<? super Throwable> onFailure) {
        long mine = generation.incrementAndGet();
        BackgroundTask.<T>of(body::get)
                .onSuccess(result -> {
                    if (generation.get() == mine) onSuccess.accept(result);
                })
                .onFailure(failure -> {
                    if (generation.get() == mine) onFailure.accept(failure);
                })
                .executeWith(runner);
    }

    /** Makes every task in flight stale, e.g. when the view they would fill was closed. */
    public void cancelPending() {
        generation.incrementAndGet();
    }
}
