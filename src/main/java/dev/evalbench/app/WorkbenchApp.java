package dev.evalbench.app;

import dev.evalbench.app.fx.FxTaskRunner;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.open.OpenFeature;
import dev.evalbench.app.runner.RunFeature;
import dev.evalbench.app.settings.SettingsFile;
import dev.evalbench.app.settings.WorkbenchSettings;
import dev.evalbench.app.shell.MainWindow;
import dev.evalbench.app.shell.ThemeSwitch;
import dev.evalbench.app.shell.WindowState;
import dev.evalbench.app.workspace.WorkspaceSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: builds the window, installs every feature, restores what was remembered, and
 * opens the starting workspace. Started by {@link WorkbenchLauncher}, or by tests with their own options.
 */
public final class WorkbenchApp extends Application {
    private final WorkbenchOptions options;
    private TaskRunner runner;
    private WorkbenchSettings settings;
    private WindowState windowState;
    private Workbench workbench;

    /** Used by {@link Application#launch}: takes the options the launcher decided on. */
    public WorkbenchApp() {
        this(WorkbenchLauncher.takePending());
    }

    public WorkbenchApp(WorkbenchOptions options) {
        this.options = options;
    }

    /** The features of the window, in the order they install. */
    static List<Workbench.Feature> features() {
        // Shared by the features that act on the history and on results tabs.
        RunFeature runs = new RunFeature();
        dev.evalbench.app.reports.ReportsFeature reports = new dev.evalbench.app.reports.ReportsFeature();
        return List.of(
                wb -> {
                    var author = dev.evalbench.app.author.AuthorFeature.install(wb.runner(), wb.session(), wb.window(),
                            wb.env(), wb.configFolder(), wb.settings().recentWorkspaces);
                    runs.editCasesWith(author::editCase);
                    runs.editGatesWith(author::editGate);
                },
                wb -> runs.install(wb.window(), wb.runner(), wb.session(), wb.env(), wb.clock(), wb.settings()),
                wb -> reports.install(wb.window(), wb.runner(), wb.session(), wb.env(), runs.history(), runs.results(),
                        runs.compare(), wb.settings()),
                wb -> new dev.evalbench.app.charts.ChartsFeature().install(wb.window(), wb.runner(), wb.session(), wb.env(), runs.history(), runs.results(), wb.clock().getZone()),
                wb -> new OpenFeature().install(wb.window(), wb.runner(), wb.session(), wb.env(), runs.compare(), wb.openedRuns(),
                        reports::verify, reports::offer),
                wb -> runs.compare().keepMarksIn(wb.configFolder()),
                wb -> runs.compare().keepDividersIn(wb.settings().dividers));
    }

    /** Reads the settings file on JavaFX's launcher thread, which calls this: the FX thread never reads files. */
    @Override
    public void init() {
        settings = options.settingsFile().load();
        about = aboutLine();
        // Beside the toolkit's start: what the save at close needs is loaded while the jar is the one we started from.
        Thread rehearsal = new Thread(SettingsFile::rehearseSave, "evalbench-settings-rehearsal");
        rehearsal.setDaemon(true);
        rehearsal.start();
    }

    /** The shortcut sheet's line on this build, made by {@link #init}. */
    private String about = "";

    /** "Evalbench 0.1.0 · Java 17.0.17 · JavaFX 21.0.11": the version is read from the jar, so not on the FX thread. */
    static String aboutLine() {
        String fx = System.getProperty("javafx.runtime.version");
        return "Evalbench " + dev.evalbench.core.run.AppInfo.appVersion() + " · Java " + Runtime.version().feature()
                + "." + Runtime.version().interim() + "." + Runtime.version().update()
                + (fx == null ? "" : " · JavaFX " + fx.replaceFirst("\\+.*$", ""));
    }

    /** Whether Ctrl+Q is asking about unsaved edits now. FX thread only. */
    private boolean quitting;

    @Override
    public void start(Stage stage) {
        ThemeSwitch.apply(settings.theme);
        MainWindow window = new MainWindow();
        window.about(about);
        // The desktop's handler for report.html: xdg-open on Linux, open on macOS, the host services on Windows.
        window.documentOpener(dev.evalbench.app.shell.DesktopOpener.forThisOs(getHostServices()::showDocument));
        runner = new FxTaskRunner(failure -> window.status("Failed: " + failure.getMessage()));
        WorkspaceSession session = new WorkspaceSession(runner, options.env());
        // Before the features' listeners, so what they say of the workspace opened stays: a message about the one left
        // ("Saved triage r5", a warning of its run) read as if about this one.
        session.folderProperty().addListener((o, was, now) -> {
            if (was != null && !was.equals(now)) window.status("");
        });
        workbench = new Workbench(runner, session, window, settings, options.env(), Clock.systemDefaultZone(),
                options.openedRuns(), options.settingsFile().path().toAbsolutePath().getParent());
        for (Workbench.Feature feature : features()) feature.install(workbench);
        session.folderProperty().addListener((o, was, now) -> stage.setTitle(title(now)));
        stage.setTitle(title(options.workspace()));
        stage.setScene(window.scene());
        window.shortcuts().add(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.Q,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN), "Window",
                "Quit (unsaved edits are asked about first, as when the window is closed)",
                // After the key's events: the question is a modal dialog, and opened inside the key press it took
                // the key's release (a headless test's Ctrl stayed down for the window after it).
                () -> runner.afterThisEvent(() -> quit(stage)));
        dev.evalbench.app.shell.TabKeys.install(window, runner::afterThisEvent);
        ThemeSwitch.install(window, settings);
        windowState = new WindowState(stage, window, settings);
        windowState.restore();
        stage.show();
        shown = true;
        rememberTabsPerWorkspace(session, window);
        if (options.workspace() != null) {
            session.open(options.workspace());
        } else {
            window.status("No workspace open: open one with Ctrl+O, or make a new one with Ctrl+N.");
        }
    }

    /**
     * True from a start that opened run files over a workspace until another workspace is opened: the tabs shown
     * are the report's, not that workspace's, and are not kept as its tabs. FX thread.
     */
    private boolean reviewing;

    /**
     * The tabs a workspace had open when the window last left it, opened again once it is loaded (results and
     * comparisons mask and order their cases by it): each workspace's tabs are kept as it is left for another (and at
     * close), and come back when it is opened, at start or later. Not at a start that opens run files: a reviewer
     * who opens CI's artifact wants that, not yesterday's tabs; and the workspace's kept tabs stay as they were.
     */
    private void rememberTabsPerWorkspace(WorkspaceSession session, MainWindow window) {
        reviewing = !options.openedRuns().isEmpty() && options.workspace() != null;
        session.onLeaving(left -> {
            if (!reviewing) settings.keepTabs(left.toString(), openTabs(window));
        });
        session.folderProperty().addListener((o, was, now) -> {
            if (reviewing && was == null) return; // the review's workspace, shown with the report's tabs
            reviewing = false;
            if (now != null) reopenWhenLoaded(session, window, now);
        });
    }

    private static dev.evalbench.app.settings.OpenTabs openTabs(MainWindow window) {
        return new dev.evalbench.app.settings.OpenTabs(window.tabMemory().openIds(), window.tabMemory().selectedId());
    }

    /** Opens {@code folder}'s kept tabs when its load ends, unless another workspace was opened meanwhile. */
    private void reopenWhenLoaded(WorkspaceSession session, MainWindow window, Path folder) {
        session.loadingProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) return;
                o.removeListener(this);
                if (!folder.equals(session.folder())) return;
                dev.evalbench.app.settings.OpenTabs kept = settings.tabsOf(folder.toString());
                window.tabMemory().reopen(java.util.List.copyOf(kept.ids), kept.selected);
            }
        });
    }

    /** The running workbench, for tests that drive the real window. */
    public Workbench workbench() {
        return workbench;
    }

    @Override
    public void stop() {
        // Each step on its own: one that fails (a bug) is reported and the others still run, so the settings and
        // the unsaved edits are kept whatever happened. A failure thrown from here reached JavaFX, which printed only
        // "Exception in Application stop method", and nothing was saved.
        List<Runnable> keep = new ArrayList<>();
        closing("the workspace", () -> {
            if (workbench != null && workbench.session().folder() != null) {
                settings.lastWorkspace = workbench.session().folder().toString();
            }
        });
        closing("the window's size and splits", () -> {
            if (windowState != null) windowState.capture();
        });
        closing("the open tabs", () -> {
            if (workbench != null && !reviewing) {
                settings.openTabs = workbench.window().tabMemory().openIds();
                settings.selectedTab = workbench.window().tabMemory().selectedId();
                if (workbench.session().folder() != null) {
                    settings.keepTabs(workbench.session().folder().toString(), openTabs(workbench.window()));
                }
            }
        });
        // What features keep as the app stops (unsaved edits, when a signal stopped it without asking).
        if (workbench != null) {
            keep.addAll(workbench.window().stopping(e -> closingFailed("what a view keeps", e)));
        }
        closing("the background work", () -> {
            if (runner != null) runner.close();
        });
        // Written on its own thread, not the FX thread; the launcher waits for it before the process exits
        // (awaitSettingsSaved: System.exit does not wait for a thread, and the layout was never saved).
        WorkbenchSettings toSave = settings;
        Thread save = new Thread(() -> {
            // Each view's kept work first: unsaved edits matter more than the layout.
            for (Runnable each : keep) closing("what a view keeps", each);
            closing("the window layout", () -> {
                try {
                    options.settingsFile().save(toSave);
                } catch (java.io.IOException e) {
                    System.err.println("evalbench: could not remember the window layout: " + e.getMessage());
                }
            });
        }, "evalbench-settings");
        settingsSave = save;
        save.start();
    }

    /** Runs one step of closing; a failure is printed with its stack (a bug to report) and closing goes on. */
    private static void closing(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | LinkageError e) {
            closingFailed(what, e);
        }
    }

    private static void closingFailed(String what, Throwable e) {
        if (jarReplaced(e)) {
            // Not a bug: the JVM loads classes when first used, and the jar it started from is gone or changed.
            System.err.println("evalbench: could not keep " + what + " as the workbench closed: its jar was replaced "
                    + "while it ran (an upgrade or a rebuild): " + e);
            return;
        }
        System.err.println("evalbench: could not keep " + what + " as the workbench closed (a bug; please report it):");
        e.printStackTrace(System.err);
    }

    /** Whether {@code e} is a class the JVM could no longer load from the jar (or its cause is). */
    private static boolean jarReplaced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) return true;
        }
        return false;
    }

    /** Whether a window was shown in this process: a failure after that is not a failure to open one. */
    private static volatile boolean shown;

    /** Whether this process showed the workbench's window (any thread). */
    static boolean shown() {
        return shown;
    }

    /** The last settings write {@link #stop} started, or null. */
    private static volatile Thread settingsSave;

    /**
     * Waits (up to 10 s) until the settings the window wrote as it closed are on disk. Called by the launcher once
     * the window is gone, before the process exits; at once when nothing is being written.
     */
    public static void awaitSettingsSaved() throws InterruptedException {
        Thread save = settingsSave;
        if (save != null) save.join(10_000);
    }

    /**
     * Closes the window as its close button does: the close-request handler runs first (it asks about unsaved
     * edits and, when asked, keeps the window open and closes it itself once they are dealt with).
     */
    private void quit(Stage stage) {
        // The question is a modal dialog in a nested event loop: a second Ctrl+Q meanwhile (the key pressed again,
        // or delivered twice) must not stack a second question, whose answer would close the window later.
        if (quitting) return;
        quitting = true;
        try {
            javafx.stage.WindowEvent request =
                    new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST);
            if (stage.getOnCloseRequest() != null) stage.getOnCloseRequest().handle(request);
            if (!request.isConsumed()) stage.close();
        } finally {
            quitting = false;
        }
    }

    private static String title(Path workspace) {
        return workspace == null ? "Evalbench" : workspace.getFileName() + " - Evalbench";
    }
}
