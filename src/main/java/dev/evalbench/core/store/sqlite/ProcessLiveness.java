package dev.evalbench.core.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the process that wrote a RUNNING run still exists on this machine. A pid alone is not enough:
 * pids are reused (in a CI container the JVM often gets the same small pid every job), so the writer's
 * start time is recorded too and a live process that started at another time is a different process.
 */
final class ProcessLiveness {
    /**
     * Start times are computed from boot time plus clock ticks; two JVMs can disagree by a moment, while a
     * reused pid belongs to a process started long after. Two seconds separates the two cases.
     */
    private static final Duration SAME_PROCESS_TOLERANCE = Duration.ofSeconds(2);

    private ProcessLiveness() {}

    /** When the process started, or empty if it is gone or the platform will not say. */
    static Optional<Instant> startOf(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().startInstant());
    }

    /**
     * @param recordedStart the start time recorded with the run; null when it could not be read then, in
     *     which case any live process with this pid counts
     */
    static boolean isAlive(long pid, Instant recordedStart) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive() || isZombie(pid)) {
            return false;
        }
        if (recordedStart == null) {
            return true;
        }
        Optional<Instant> start = handle.get().info().startInstant();
        return start.isEmpty() || Duration.between(recordedStart, start.get()).abs().compareTo(SAME_PROCESS_TOLERANCE) <= 0;
    }

    /**
     * Whether the process has ended and only waits to be reaped (Linux's state Z), which {@link ProcessHandle}
     * counts as alive. A command JVM whose launcher was killed ends as such a zombie, and until init reaps it (in a
     * container that can take a while) its run would read as running. False where {@code /proc} is not there.
     */
    static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int afterName = stat.lastIndexOf(')'); // the name in parentheses may hold spaces and parentheses
            return afterName > 0 && afterName + 2 < stat.length() && stat.charAt(afterName + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
