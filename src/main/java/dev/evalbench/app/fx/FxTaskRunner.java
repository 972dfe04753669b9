package dev.evalbench.app.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The workbench's task runner: work on a small pool of daemon threads, results back on the FX thread. This
 * is the one place in the app that hands work to the FX thread ({@code Platform.runLater}); everything else
 * goes through a {@link TaskRunner}.
 *
 * <p>Four threads: a run in progress holds one (the engine has its own workers), and loading a history,
 * filtering a table and reading a case must not queue behind it.
 */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService pool;
    private final Consumer<Throwable> defaultFailure;

    public FxTaskRunner(Consumer<Throwable> defaultFailure) {
        this.defaultFailure = defaultFailure;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "evalbench-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(4, threads);
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        if (pool.isShutdown()) return; // the window is closing: callbacks still queued may ask for work; none is wanted
        try {
            submit(task);
        } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
            // closed between the check and the hand-over: same as above
        }
    }

    private <T> void submit(BackgroundTask<T> task) {
        pool.execute(() -> {
            T result;
            try {
                result = task.body().call();
            } catch (Throwable failure) {
                Consumer<? super Throwable> handler = task.failure() != null ? task.failure() : defaultFailure;
                Platform.runLater(() -> handler.accept(failure));
                return;
            }
            Platform.runLater(() -> task.success().accept(result));
        });
    }

    @Override
    public void onUi(Runnable body) {
        if (Platform.isFxApplicationThread()) body.run();
        else Platform.runLater(body);
    }

    @Override
    public void afterThisEvent(Runnable body) {
        Platform.runLater(body);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
