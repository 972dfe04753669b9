package dev.evalbench.core.run;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the executor a run's cases execute on. The engine owns what it gets: it shuts it down when the run
 * ends and calls {@code shutdownNow} on cancel, so every call must return a fresh executor. Tests pass a
 * single-thread (or same-thread) one to make a run's order deterministic.
 */
@FunctionalInterface
public interface WorkerPools {
    /** @param threads the run's concurrency, capped by the number of cases left (at least 1) */
    ExecutorService create(String runId, int threads);

    /** {@code threads} daemon threads named {@code run-<id>-<n>}, so a hung provider never keeps the JVM alive. */
    WorkerPools DAEMON = (runId, threads) -> {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "run-" + runId + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    };
}
