package dev.evalbench.core.service;

import dev.evalbench.core.run.ThreadEnd;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A value computed on a daemon thread of its own while the caller does other work (a command reads a large run
 * from the history while the workspace loads, or reads its summaries while the records stream). The work's
 * failure reaches the caller of {@link #get} as it was thrown. Thread-safe.
 */
final class BackgroundValue<T> {
    private final FutureTask<T> task;
    private final Thread thread;

    private BackgroundValue(FutureTask<T> task, Thread thread) {
        this.task = task;
        this.thread = thread;
    }

    static <T> BackgroundValue<T> start(String threadName, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
        return new BackgroundValue<>(task, thread);
    }

    /**
     * Waits for the value.
     *
     * @throws E the work's own failure, when it is one ({@code failure}); unchecked failures as they were thrown
     * @throws InterruptedException when the waiting thread is interrupted (the work goes on)
     */
    <E extends Exception> T get(Class<E> failure) throws E, InterruptedException {
        return get(failure, failure);
    }

    /**
     * As {@link #get(Class)} for work that fails in either of two ways.
     *
     * @throws E1 the work's own failure, when it is one ({@code one}); E2 likewise ({@code other})
     */
    <E1 extends Exception, E2 extends Exception> T get(Class<E1> one, Class<E2> other) throws E1, E2, InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (one.isInstance(cause)) throw one.cast(cause);
            if (other.isInstance(cause)) throw other.cast(cause);
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(thread.getName() + " failed", cause);
        }
    }

    /** Waits until the thread has ended, whatever it did (see {@link ThreadEnd}). */
    void awaitEnd() {
        ThreadEnd.await(thread);
    }
}
