package dev.evalbench.app.fx;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Test access to a task's parts, for test runners outside this package that thread work their own way. */
public final class BackgroundTasks {
    private BackgroundTasks() {}

    public static <T> Callable<T> body(BackgroundTask<T> task) {
        return task.body();
    }

    public static <T> Consumer<? super T> success(BackgroundTask<T> task) {
        return task.success();
    }

    /** The task's failure callback; failures without one are printed (a test runner has no status line). */
    public static Consumer<? super Throwable> failure(BackgroundTask<?> task) {
        return task.failure() != null ? task.failure() : Throwable::printStackTrace;
    }
}
