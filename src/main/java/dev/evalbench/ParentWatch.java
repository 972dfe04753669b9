package dev.evalbench;

/**
 * In a command JVM started by {@link CommandJvm}, stops the process when the process that started it is gone.
 * Killing {@code java -jar evalbench.jar run ...} with SIGKILL (a CI runner giving up, the OOM killer) ends only
 * the launching process; its child would run on unseen, holding the run open and spending the model's money. A
 * daemon thread reads this process's parent every {@value #POLL_MS} ms and, once it has changed, halts at once,
 * as the killed process would have: finished cases are stored already and the run reads as incomplete because
 * its process is gone, exactly as after a kill of a single process.
 */
final class ParentWatch {
    /** The system property naming the launching process's id. */
    static final String PROPERTY = "evalbench.parent";
    static final long POLL_MS = 200;
    /** What a shell reports for a process killed by SIGKILL; nobody waits for it any more. */
    static final int KILLED = 128 + 9;

    private ParentWatch() {}

    /** Starts the watch if this JVM was started by {@link CommandJvm}; otherwise does nothing. */
    static void startIfChild() {
        String value = System.getProperty(PROPERTY);
        if (value == null) return;
        long expected;
        try {
            expected = Long.parseLong(value);
        } catch (NumberFormatException e) {
            return;
        }
        Thread watch = new Thread(() -> watch(expected), "evalbench-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void watch(long expected) {
        while (true) {
            long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
            if (parent != expected) Runtime.getRuntime().halt(KILLED);
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
