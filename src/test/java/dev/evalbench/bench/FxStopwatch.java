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
    private static final boolean WINDOWS = Boolean.getBoolean("bench.windows");
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private final Scene scene;
    /**
     * CPU time of each timed action up to its first result: the FX thread's, and the whole process's (every
     * thread: the background reads, the collector, rendering). Unlike wall time these hardly depend on what else
     * the machine runs; cleared by the caller between kinds of action.
     */
    final java.util.List<Double> fxCpuMs = new java.util.ArrayList<>();
    final java.util.List<Double> processCpuMs = new java.util.ArrayList<>();

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
        long[] cpu = new long[4]; // FX thread and process CPU (ns) at the action and at "first"
        Platform.runLater(() -> {
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                if (!mid.isDone() && first.getAsBoolean()) {
                    cpu[2] = THREADS.getCurrentThreadCpuTime();
                    cpu[3] = PROCESS.getProcessCpuTime();
                    mid.complete(System.nanoTime());
                }
                if (mid.isDone() && second.getAsBoolean()) {
                    end.complete(System.nanoTime());
                    scene.removePostLayoutPulseListener(listener[0]);
                } else {
                    Platform.requestNextPulse();
                }
            };
            scene.addPostLayoutPulseListener(listener[0]);
            cpu[0] = THREADS.getCurrentThreadCpuTime();
            cpu[1] = PROCESS.getProcessCpuTime();
            start[0] = System.nanoTime();
            action.run();
            Platform.requestNextPulse();
        });
        long stop = end.get(timeoutSeconds, TimeUnit.SECONDS);
        if (WINDOWS) {
            // Wall-clock window of this action, to cut a JFR recording to it (-Dbench.windows=true).
            long startMs = System.currentTimeMillis() - (System.nanoTime() - start[0]) / 1_000_000;
            System.out.printf("window %d %d %d%n", startMs, startMs + (mid.join() - start[0]) / 1_000_000,
                    startMs + (stop - start[0]) / 1_000_000);
        }
        mid.get();
        fxCpuMs.add((cpu[2] - cpu[0]) / 1e6);
        processCpuMs.add((cpu[3] - cpu[1]) / 1e6);
        return new double[] {(mid.get() - start[0]) / 1e6, (stop - start[0]) / 1e6};
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
