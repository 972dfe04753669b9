package dev.evalbench.app;

import dev.evalbench.app.settings.SettingsFile;
import dev.evalbench.core.service.OpenedRun;
import dev.evalbench.core.service.RunFiles;
import dev.evalbench.core.store.RunFileException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;

/**
 * Starts the workbench: {@code evalbench} with no arguments opens the workspace of the current folder, else the
 * last workspace (or the sample {@code workspaces/support-triage} the first time), {@code evalbench open DIR}
 * opens DIR, and
 * {@code evalbench open FILE [FILE]} opens what CI produced (an export, a report folder, an envelope) read-only
 * beside the last workspace. Without a display
 * it says so in one line and points to the command line (exit 2), never a stack trace. Not an
 * {@link Application} itself, so a shaded {@code java -jar} can start JavaFX from the class path.
 */
public final class WorkbenchLauncher {
    /**
     * The system property naming a file to create once the window has been shown and closed: the launcher that
     * started this JVM to make the window's class archive keeps the archive only then (dev.evalbench.WindowJvm).
     */
    public static final String SHOWN_MARK = "evalbench.window.shownMark";
    private static volatile WorkbenchOptions pending;

    private WorkbenchLauncher() {}

    /**
     * @param args empty, {@code open DIR} (a workspace), or {@code open FILE [FILE]} (exported runs, report folders
     *             or envelopes, shown read-only: one as a run, two as their comparison); returns the process exit
     *             code once the window is closed (0, or 143, 130, 129 when SIGTERM, SIGINT or SIGHUP closed it),
     *             2 for anything that is neither
     */
    public static int launch(String[] args, Map<String, String> env, PrintStream err) {
        return launch(args, env, System.out, err);
    }

    /** What {@code evalbench open --help} prints: {@code open} is the launcher's, not one of picocli's verbs. */
    static final String OPEN_USAGE = """
            Usage: evalbench [open [DIR | RUN-FILE [RUN-FILE]]]
            Opens the workbench (the window). With no arguments: the workspace of the
            current folder (or a folder above it), else the last one opened. The word
            open may be left out before a folder or file: evalbench DIR.
              open DIR                  the workspace DIR
              open RUN-FILE [RUN-FILE]  one or two exported runs, report folders or
                                        report.intoto.json files, read-only beside
                                        the last workspace; two as their comparison
            It needs a display; the command line needs none: evalbench --help.
            """;

    /** {@code open --help} or {@code open -h}. */
    public static boolean asksForHelp(String[] args) {
        return args.length == 2 && args[0].equals("open") && (args[1].equals("--help") || args[1].equals("-h"));
    }

    /** Why a folder cannot be opened, and the workspaces in its subfolders if any. */
    static String neitherWorkspaceNorReport(Path folder) {
        String why = "neither a workspace (no evalbench.yaml) nor a report folder (no " + RunFiles.REPORT + ")";
        List<String> inside = new ArrayList<>();
        try (java.util.stream.Stream<Path> children = Files.list(folder)) {
            children.filter(c -> Files.isRegularFile(c.resolve("evalbench.yaml"))).map(c -> c.getFileName().toString())
                    .sorted().forEach(inside::add);
        } catch (java.io.IOException | RuntimeException e) {
            return why;
        }
        if (inside.isEmpty()) return why;
        String named = inside.size() <= 5 ? String.join(", ", inside) : String.join(", ", inside.subList(0, 5)) + ", …";
        return why + "; the workspaces in it: " + named + " (e.g. `evalbench open " + folder.resolve(inside.get(0)) + "`)";
    }

    /** As {@link #launch(String[], Map, PrintStream)}, printing {@code open --help}'s usage to {@code out} (exit 0). */
    static int launch(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (asksForHelp(args)) {
            out.print(OPEN_USAGE);
            out.flush();
            return 0;
        }
        Path named = null;
        List<OpenedRun> runs = new ArrayList<>();
        if (args.length >= 1 && args[0].equals("open")) {
            if (args.length < 2 || args.length > 3) {
                err.println("evalbench open: name one workspace folder, e.g. `evalbench open workspaces/support-triage`,"
                        + " or one or two run files or report folders to review");
                return 2;
            }
            Path first = Path.of(args[1]);
            if (args.length == 2 && Files.isRegularFile(first.resolve("evalbench.yaml"))) {
                named = first;
            } else if (args.length == 2 && !Files.exists(first)) {
                // A folder or a file (a run, a report) may have been meant: say what was looked for, and that
                // nothing is there.
                err.println("evalbench open: no workspace or run file at " + first + ": no such folder or file");
                return 2;
            } else if (args.length == 2 && Files.isDirectory(first) && !Files.isRegularFile(first.resolve(RunFiles.REPORT))) {
                // The one-folder form opens a workspace or a report: a folder that is neither says so, and names the
                // workspaces just inside it (the parent of a workspace, as `open workspaces` is, is a near miss).
                err.println("evalbench open: " + first + ": " + neitherWorkspaceNorReport(first));
                return 2;
            } else {
                for (int i = 1; i < args.length; i++) {
                    try {
                        // Read before the window opens: a file that is not a run is bad input, exit 2, no window.
                        runs.add(RunFiles.open(Path.of(args[i])));
                    } catch (RunFileException e) {
                        err.println("evalbench open: " + e.getMessage());
                        return 2;
                    }
                }
            }
        }
        String noDisplay = missingDisplay(env);
        if (noDisplay != null) {
            err.println("evalbench: cannot open the workbench: " + noDisplay
                    + ". The command line needs no display: `evalbench --help`.");
            return 2;
        }
        SettingsFile settingsFile = SettingsFile.standard(env);
        // java -jar runs on the JVM's default heap: choose what a running JVM still lets the app choose.
        dev.evalbench.app.shell.IdleHeap.apply();
        dev.evalbench.app.shell.HeapCeiling.startIfDefaultHeap();
        Path workspace = named != null ? named : StartingWorkspace.of(settingsFile.load(), Path.of(""));
        pending = new WorkbenchOptions(workspace, settingsFile, env, runs);
        SignalQuit.install();
        dev.evalbench.app.shell.ClassPathNotice.hide();
        try {
            Application.launch(WorkbenchApp.class);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            if (!WorkbenchApp.shown()) {
                err.println("evalbench: cannot open the workbench: " + e.getMessage()
                        + ". The command line needs no display: `evalbench --help`.");
                return 2;
            }
            // The window was open: a failure as it closed, a bug. JavaFX wraps it in "Exception in Application stop
            // method"; its cause says where.
            err.println("evalbench: the workbench failed as it closed (a bug; please report it):");
            (e.getCause() != null ? e.getCause() : e).printStackTrace(err);
            awaitSettings();
            return 1;
        }
        awaitSettings();
        markShown();
        return SignalQuit.exitCode();
    }

    private static void markShown() {
        String mark = System.getProperty(SHOWN_MARK);
        if (mark == null || !WorkbenchApp.shown()) return;
        try {
            Files.writeString(Path.of(mark), "shown\n");
        } catch (java.io.IOException | RuntimeException e) {
            // No mark, no archive kept: the next window makes it.
        }
    }

    /** The window is gone; the caller exits the process, which would cut the settings' write short. */
    private static void awaitSettings() {
        try {
            WorkbenchApp.awaitSettingsSaved();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The options the launcher decided on; taken once by the application it starts. */
    static WorkbenchOptions takePending() {
        WorkbenchOptions options = pending;
        pending = null;
        return options;
    }

    /** Whether the environment names a display to open the window on (the launcher opens it in a second JVM only then). */
    public static boolean displayNamed(Map<String, String> env) {
        return missingDisplay(env) == null;
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
