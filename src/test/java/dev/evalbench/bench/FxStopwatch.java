package dev.evalbench.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Times a user action in the real window: from the action (run on the FX thread) to the end of the first
 * layout pulse after which {@code done} holds, that is until what the user waits for has been laid out for
 * drawing. Called from the benchmark's main thread.
 */
final class FxStopwatch {
    private final Scene scene;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    /** FX-thread CPU milliseconds of the last {@link #time} (the action to the pulse that showed it): less swayed by load. */
    private volatile double lastCpuMs;

    FxStopwatch(Scene scene) {
        this.scene = scene;
    }

    /** Milliseconds from {@code action} to the pulse that shows {@code done}. */
    double time(Runnable action, BooleanSupplier done, long timeoutSeconds) throws Exception {
        return time(action, done, done, timeoutSeconds)[0];
    }

    /** Milliseconds from {@code action} to the pulses that show {@code first} and then {@code second}. */
    double[] time(Runnable action, BooleanSupplier first, BooleanSupplier second, long timeoutSeconds) throws Exception {
        CompletableFuture<Long> mid = new CompletableFuture<>();
        CompletableFuture<Long> end = new CompletableFuture<>();
        long[] start = new long[1];
        long[] cpu = new long[1];
        Platform.runLater(() -> {
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                if (!mid.isDone() && first.getAsBoolean()) mid.complete(System.nanoTime());
                if (mid.isDone() && second.getAsBoolean()) {
                    lastCpuMs = (THREADS.getCurrentThreadCpuTime() - cpu[0]) / 1e6;
                    end.complete(System.nanoTime());
                    scene.removePostLayoutPulseListener(listener[0]);
                } else {
                    Platform.requestNextPulse();
                }
            };
            scene.addPostLayoutPulseListener(listener[0]);
            start[0] = System.nanoTime();
            cpu[0] = THREADS.getCurrentThreadCpuTime();
            action.run();
            Platform.requestNextPulse();
        });
        long stop = end.get(timeoutSeconds, TimeUnit.SECONDS);
        return new double[] {(mid.get() - start[0]) / 1e6, (stop - start[0]) / 1e6};
    }

    /** The FX thread's CPU time over the last timing, in milliseconds. */
    double lastCpuMs() {
        return lastCpuMs;
    }

    /** Runs {@code body} on the FX thread and waits for it. */
    static <T> T onFx(java.util.concurrent.Callable<T> body) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(body.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
