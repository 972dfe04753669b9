package dev.evalbench.app.fx;

import java.util.ArrayList;
import java.util.List;

/**
 * A task runner for view-model tests: runs the body and the callbacks at once on the calling thread, so a test
 * reads results on the next line. Failures without a handler are kept in {@link #unhandled} for assertions.
 * With {@link #deferred()} it queues tasks instead until {@link #runQueued()}, to order overlapping work.
 */
public final class SameThreadTaskRunner implements TaskRunner {
    public final List<Throwable> unhandled = new ArrayList<>();
    private final List<Runnable> queue = new ArrayList<>();
    private boolean defer;

    public static SameThreadTaskRunner deferred() {
        SameThreadTaskRunner r = new SameThreadTaskRunner();
        r.defer = true;
        return r;
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        Runnable work = () -> {
            T result;
            try {
                result = task.body().call();
            } catch (Exception e) {
                if (task.failure() != null) task.failure().accept(e);
                else unhandled.add(e);
                return;
            }
            task.success().accept(result);
        };
        if (defer) queue.add(work);
        else work.run();
    }

    /** Runs queued tasks in the given order of indexes (0-based), then clears the queue. */
    public void runQueued(int... order) {
        List<Runnable> tasks = List.copyOf(queue);
        queue.clear();
        if (order.length == 0) tasks.forEach(Runnable::run);
        else for (int i : order) tasks.get(i).run();
    }

    @Override
    public void onUi(Runnable body) {
        body.run();
    }

    @Override
    public void close() {}
}
