package dev.evalbench.cli;

import dev.evalbench.core.run.Cancellation;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a cancel while a run is in flight: the run stops starting cases and
 * marks itself incomplete, then the command returns normally, prints one line saying how to resume, and the
 * process exits 3 (not 130 or 143, which the JVM's default handling would give). A later signal stops the
 * process at once with exit 3; finished cases are stored already ({@link StopRequests} says which signals count
 * as one). A kill -9 skips all this; the run then reads as incomplete because its process is gone. Close it when
 * the run has ended: the previous handlers come back. Owned by the thread that runs the command.
 */
final class InterruptGuard implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM");
    private final StopRequests requests;
    private final List<Runnable> restore = new ArrayList<>();

    InterruptGuard(Cancellation cancellation) {
        requests = new StopRequests(cancellation::cancel, () -> Runtime.getRuntime().halt(ExitCodes.INCOMPLETE));
        SignalHandler handler = signal -> requests.signalled(System.nanoTime());
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                SignalHandler previous = Signal.handle(signal, handler);
                restore.add(() -> Signal.handle(signal, previous));
            } catch (IllegalArgumentException unavailable) {
                // The JVM reserves this signal here (e.g. -Xrs): the default handling stays; the run still reads
                // as incomplete afterwards because its process is gone.
            }
        }
    }

    /** @return whether a signal asked the run to stop */
    boolean interrupted() {
        return requests.requested();
    }

    @Override
    public void close() {
        restore.forEach(Runnable::run);
    }
}
