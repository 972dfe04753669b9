package dev.evalbench.core.run;

/**
 * Waits for a helper thread to end even if the waiting thread is interrupted meanwhile (its interrupt is kept
 * and set again afterwards): a reader or writer thread must never outlive the report, read-ahead or run that
 * started it.
 */
public final class ThreadEnd {
    private ThreadEnd() {}

    public static void await(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
