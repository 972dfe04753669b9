package dev.evalbench.cli;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the signals that stop a run ask for. The first asks the run to stop (cancel: in-flight cases finish, the
 * run is marked incomplete, the resume line is printed); one a second or more later asks to stop at once (halt).
 * Signals within a second of the first are the same request: Ctrl-C at a terminal reaches both
 * {@code java -jar}'s launching process and the command's JVM, and the launcher passes it on too
 * ({@code dev.evalbench.CommandJvm}), so the command's JVM sees it twice in a few milliseconds.
 * Thread-safe: signals arrive on the JVM's signal threads.
 */
final class StopRequests {
    static final long SAME_REQUEST_NANOS = 1_000_000_000L;
    private static final long NONE = Long.MIN_VALUE;
    private final AtomicLong firstAt = new AtomicLong(NONE);
    private final Runnable cancel;
    private final Runnable halt;

    StopRequests(Runnable cancel, Runnable halt) {
        this.cancel = cancel;
        this.halt = halt;
    }

    /** A signal arrived at {@code nanos} (a {@link System#nanoTime} reading). */
    void signalled(long nanos) {
        if (!firstAt.compareAndSet(NONE, nanos) && nanos - firstAt.get() >= SAME_REQUEST_NANOS) {
            halt.run();
            return;
        }
        cancel.run();
    }

    /** @return whether any signal arrived */
    boolean requested() {
        return firstAt.get() != NONE;
    }
}
