package dev.evalbench.app;

import java.util.List;
import javafx.application.Platform;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ends the workbench as closing its window does when the process is asked to stop: SIGTERM (a desktop session
 * logging out, {@code kill}), SIGINT (Ctrl-C in the terminal that started it), SIGHUP (that terminal closing).
 * JavaFX then stops the application, which remembers the layout, the workspace and the open tabs; under the JVM's
 * default handling the process ended with the window up and nothing was remembered. Unsaved edits are not
 * written into their files, as nobody can be asked: they are kept in the config folder and offered when the
 * template is opened again ({@code editor/KeptEdits}). If the application has not ended within {@link #PATIENCE_MS} (a stuck FX
 * thread), the process halts as the default handling would have. A signal ignored when the process started
 * (nohup, a script's background job) stays ignored.
 */
final class SignalQuit {
    private static final long PATIENCE_MS = 10_000;
    private static volatile String received;

    private SignalQuit() {}

    /** Handles TERM, INT and HUP from now on; called once, before the toolkit starts. */
    static void install() {
        for (String name : List.of("TERM", "INT", "HUP")) {
            try {
                Signal signal = new Signal(name);
                SignalHandler before = Signal.handle(signal, s -> quit(name));
                if (before == SignalHandler.SIG_IGN) Signal.handle(signal, SignalHandler.SIG_IGN);
            } catch (IllegalArgumentException reserved) {
                // -Xrs, or a platform without it: the default handling stays.
            }
        }
    }

    private static void quit(String name) {
        if (received != null) return;
        received = name;
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(PATIENCE_MS);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(exitCode());
        }, "evalbench-quit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Platform.exit();
    }

    /** 0 when the window was closed; else the shell's code for the signal that ended it: TERM 143, INT 130, HUP 129. */
    static int exitCode() {
        String name = received;
        if (name == null) return 0;
        return 128 + switch (name) {
            case "HUP" -> 1;
            case "INT" -> 2;
            default -> 15;
        };
    }
}
