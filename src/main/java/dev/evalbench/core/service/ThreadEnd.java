package dev.evalbench.core.service;

/**
 * Waits for a helper thread to end even if the waiting thread is interrupted meanwhile (its interrupt is kept
 * and set again afterwards): a reader thread must never outlive the report or read-ahead that started it.
 */
final class ThreadEnd {
    private ThreadEnd() {}

    static void await(Thread thread) {
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
