package dev.evalbench.app.fx;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One unit of background work and what to do with its result, written fluently:
 * {@code BackgroundTask.of(() -> store.runs(200)).onSuccess(rows::setAll).onFailure(problems::show).executeWith(runner)}.
 * The body runs off the UI thread; the callbacks on it. Without {@code onFailure} a failure goes to the
 * runner's default handler (the status line), never into the void.
 */
public final class BackgroundTask<T> {
    private final Callable<T> body;
    private Consumer<? super T> onSuccess = result -> {};
    private Consumer<? super Throwable> onFailure;

    private BackgroundTask(Callable<T> body) {
        this.body = Objects.requireNonNull(body);
    }

    public static <T> BackgroundTask<T> of(Callable<T> body) {
        return new BackgroundTask<>(body);
    }

    /** Work with no result. */
    public static BackgroundTask<Void> run(ThrowingRunnable body) {
        return new BackgroundTask<>(() -> {
            body.run();
            return null;
        });
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<? super Throwable> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    public void executeWith(TaskRunner runner) {
        runner.execute(this);
    }

    Callable<T> body() {
        return body;
    }

    Consumer<? super T> success() {
        return onSuccess;
    }

    /** Null when the task left failures to the runner's default handler. */
    Consumer<? super Throwable> failure() {
        return onFailure;
    }

    /** A body that returns nothing and may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** A body that returns a value and may throw. */
    @FunctionalInterface
    public interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
