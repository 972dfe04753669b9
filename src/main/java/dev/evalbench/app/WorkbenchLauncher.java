package dev.evalbench.app;

import dev.evalbench.app.settings.SettingsFile;
import dev.evalbench.app.settings.WorkbenchSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;

/**
 * Starts the workbench: {@code evalbench} with no arguments opens the last workspace (or the sample
 * {@code workspaces/support-triage} the first time), {@code evalbench open DIR} opens DIR. Without a display
 * it says so in one line and points to the command line (exit 2), never a stack trace. Not an
 * {@link Application} itself, so a shaded {@code java -jar} can start JavaFX from the class path.
 */
public final class WorkbenchLauncher {
    static final String SAMPLE = "workspaces/support-triage";
    private static volatile WorkbenchOptions pending;

    private WorkbenchLauncher() {}

    /** @param args empty, or {@code open DIR}; returns the process exit code once the window is closed */
    public static int launch(String[] args, Map<String, String> env, PrintStream err) {
        Path named = null;
        if (args.length >= 1 && args[0].equals("open")) {
            if (args.length != 2) {
                err.println("evalbench open: name one workspace folder, e.g. `evalbench open workspaces/support-triage`");
                return 2;
            }
            named = Path.of(args[1]);
            if (!Files.isRegularFile(named.resolve("evalbench.yaml"))) {
                err.println("evalbench open: no workspace at " + named + ": no evalbench.yaml");
                return 2;
            }
        }
        String noDisplay = missingDisplay(env);
        if (noDisplay != null) {
            err.println("evalbench: cannot open the workbench: " + noDisplay
                    + ". The command line needs no display: `evalbench --help`.");
            return 2;
        }
        SettingsFile settingsFile = SettingsFile.standard(env);
        pending = new WorkbenchOptions(named != null ? named : startingWorkspace(settingsFile.load()), settingsFile, env);
        try {
            Application.launch(WorkbenchApp.class);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            err.println("evalbench: cannot open the workbench: " + e.getMessage()
                    + ". The command line needs no display: `evalbench --help`.");
            return 2;
        }
        return 0;
    }

    /** The options the launcher decided on; taken once by the application it starts. */
    static WorkbenchOptions takePending() {
        WorkbenchOptions options = pending;
        pending = null;
        return options;
    }

    /** The last workspace when it still exists, else the sample when run from a checkout, else null (ask). */
    static Path startingWorkspace(WorkbenchSettings settings) {
        if (settings.lastWorkspace != null && Files.isRegularFile(Path.of(settings.lastWorkspace, "evalbench.yaml"))) {
            return Path.of(settings.lastWorkspace);
        }
        Path sample = Path.of(SAMPLE);
        return Files.isRegularFile(sample.resolve("evalbench.yaml")) ? sample.toAbsolutePath() : null;
    }

    /** Why there is no display to open a window on, or null when there is one (or a headless toolkit is set). */
    static String missingDisplay(Map<String, String> env) {
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) return null;
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("win") || os.contains("mac")) return null;
        boolean x11 = env.getOrDefault("DISPLAY", "").isBlank();
        boolean wayland = env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        return x11 && wayland ? "no display (DISPLAY is not set)" : null;
    }
}
