package dev.evalbench.app.history;

import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.core.store.StoreException;

/**
 * Notices what other processes write into the open workspace's history (a terminal's {@code evalbench run},
 * {@code tag}, {@code resume} or {@code traffic import}, a second window) and tells the views that list runs to
 * read again, as a run of this window does: the history never says "No runs yet" beside a run the terminal just
 * stored. SQLite counts the commits of other connections ({@link HistoryStore#writtenByOthers()}); one daemon
 * thread asks every {@link #POLL_MS}. While another process keeps writing (a run storing case after case), the
 * views read again at most every {@link #MIN_GAP_MS}, and once more after its last write.
 *
 * <p>Threads: the question is asked on the watch's own thread, never the FX thread; {@link HistoryStore#touch()}
 * runs on the UI thread through the task runner. {@link #close()} stops the thread (the window closing).
 */
public final class HistoryWatch implements AutoCloseable {
    static final long POLL_MS = 1000;
    static final long MIN_GAP_MS = 3000;

    private final HistoryStore history;
    private final TaskRunner runner;
    private final Thread thread;
    private volatile boolean closed;

    private HistoryWatch(HistoryStore history, TaskRunner runner) {
        this.history = history;
        this.runner = runner;
        this.thread = new Thread(this::loop, "evalbench-history-watch");
        thread.setDaemon(true);
    }

    /** Starts watching whichever history {@code history} has open, from now until {@link #close()}. */
    public static HistoryWatch start(HistoryStore history, TaskRunner runner) {
        HistoryWatch watch = new HistoryWatch(history, runner);
        watch.thread.start();
        return watch;
    }

    private void loop() {
        boolean pending = false;
        long lastTold = System.nanoTime() - MIN_GAP_MS * 1_000_000;
        try {
            while (!closed) {
                Thread.sleep(POLL_MS);
                try {
                    if (history.writtenByOthers()) pending = true;
                } catch (StoreException e) {
                    // Closed or switched meanwhile (another workspace opened): the next question asks the new one.
                    continue;
                }
                long now = System.nanoTime();
                if (pending && now - lastTold >= MIN_GAP_MS * 1_000_000) {
                    pending = false;
                    lastTold = now;
                    runner.onUi(history::touch);
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
