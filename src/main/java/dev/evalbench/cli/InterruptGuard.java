package dev.evalbench.cli;

import dev.evalbench.core.run.Cancellation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT/SIGTERM) into a cancel: the run stops starting cases, marks itself incomplete, and
 * the JVM exits only after that, within a bounded wait. A kill -9 skips this; the run then reads as
 * incomplete because its process is gone. Close it when the run has ended.
 */
final class InterruptGuard implements AutoCloseable {
    private static final long GRACE_SECONDS = 20;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread hook;

    InterruptGuard(Cancellation cancellation) {
        this.hook = new Thread(() -> {
            cancellation.cancel();
            try {
                ended.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "evalbench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        ended.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting: the hook is running and has just been released.
        }
    }
}
