package dev.evalbench.cli;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.RunListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A progress line on stderr: done/total, failures, ETA. On a terminal it redraws one line at most ten times a
 * second; elsewhere (CI logs) it prints a line at each tenth of the run, so logs stay short. Thread-safe.
 */
final class ProgressPrinter implements RunListener {
    private final PrintWriter err;
    private final boolean terminal;
    private final AtomicInteger failed = new AtomicInteger();
    private volatile long startNanos;
    private volatile int startDone;
    private long lastDraw;
    private int lastDecile = -1;

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void started(RunHeader header, int alreadyDone) {
        startNanos = System.nanoTime();
        startDone = alreadyDone;
        synchronized (this) {
            err.printf(Locale.ROOT, "run %s: %d cases%s%n", header.id(), header.plannedCases(),
                    alreadyDone > 0 ? " (" + alreadyDone + " already done)" : "");
            err.flush();
        }
    }

    @Override
    public void caseFinished(CaseRecord record, int done, int total) {
        if (!record.passed()) failed.incrementAndGet();
        long now = System.nanoTime();
        synchronized (this) {
            int decile = total == 0 ? 10 : done * 10 / total;
            boolean draw = terminal ? now - lastDraw > 100_000_000L || done == total : decile != lastDecile;
            if (!draw) return;
            lastDraw = now;
            lastDecile = decile;
            double perCase = (now - startNanos) / 1e9 / Math.max(1, done - startDone);
            String line = String.format(Locale.ROOT, "%d/%d cases  %d not passed  ETA %.0fs", done, total,
                    failed.get(), perCase * (total - done));
            if (terminal) {
                err.print("\r" + line + (done == total ? "\n" : ""));
            } else {
                err.println(line);
            }
            err.flush();
        }
    }

    @Override
    public void event(RunEvent event) {
        synchronized (this) {
            err.println((terminal ? "\r" : "") + event.kind() + " " + event.route() + ": " + event.detail());
            err.flush();
        }
    }
}
