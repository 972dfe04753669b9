package dev.evalbench.app.runner;

import java.util.function.LongSupplier;

/**
 * While a run of this window goes, the runs list reads the history again as its cases are stored, at most once every
 * {@link #GAP_MS}: it said "running 0/159" beside a run bar at 145 / 159, because the history's watch hears only other
 * processes' writes. The list alone: the charts and the reuse warnings wait for the run's end, when the whole window
 * reads the history again (RunFeature). A read lists the runs' headers and counts the running run's stored keys,
 * off the FX thread. FX thread only.
 */
final class HistoryFollowsRun {
    static final long GAP_MS = 1000;

    private final Runnable readAgain;
    private final LongSupplier millis;
    private long last;
    private boolean any;

    /**
     * @param readAgain what tells the runs list to read the history again
     * @param millis    a clock in milliseconds (System::currentTimeMillis; a test's own)
     */
    HistoryFollowsRun(Runnable readAgain, LongSupplier millis) {
        this.readAgain = readAgain;
        this.millis = millis;
    }

    /** Follows {@code progress} from now on: each step it makes may read the history again. */
    void follow(RunProgress progress) {
        progress.fractionProperty().addListener((o, was, now) -> stepped());
    }

    /** A case of the run was stored: reads the history again unless it was read less than {@link #GAP_MS} ago. */
    void stepped() {
        long now = millis.getAsLong();
        if (any && now - last < GAP_MS) return;
        any = true;
        last = now;
        readAgain.run();
    }
}
