package dev.evalbench.app;

import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.settings.WorkbenchSettings;
import dev.evalbench.app.shell.MainWindow;
import dev.evalbench.app.workspace.WorkspaceSession;
import java.time.Clock;
import java.util.Map;

/**
 * What every feature of the window is given when it installs itself: the task runner (the only way to work
 * off the FX thread), the open workspace, the window's slots, the remembered settings, the environment
 * (route variables and API keys are read from it, never from files), the clock, and the runs read from files
 * that {@code evalbench open FILE} named, and the user's config folder (where settings live; null: keep nothing
 * there). Built once by
 * {@link WorkbenchApp}; tests build their own with a same-thread runner.
 */
public record Workbench(
        TaskRunner runner,
        WorkspaceSession session,
        MainWindow window,
        WorkbenchSettings settings,
        Map<String, String> env,
        Clock clock,
        java.util.List<dev.evalbench.core.service.OpenedRun> openedRuns,
        java.nio.file.Path configFolder) {

    public Workbench {
        openedRuns = openedRuns == null ? java.util.List.of() : java.util.List.copyOf(openedRuns);
    }

    /** A workbench that opened no run file at start. */
    public Workbench(TaskRunner runner, WorkspaceSession session, MainWindow window, WorkbenchSettings settings,
                     Map<String, String> env, Clock clock) {
        this(runner, session, window, settings, env, clock, java.util.List.of());
    }

    /** A workbench that keeps nothing in a config folder. */
    public Workbench(TaskRunner runner, WorkspaceSession session, MainWindow window, WorkbenchSettings settings,
                     Map<String, String> env, Clock clock, java.util.List<dev.evalbench.core.service.OpenedRun> openedRuns) {
        this(runner, session, window, settings, env, clock, openedRuns, null);
    }

    /** A part of the window: installs its views, view models and shortcuts into the workbench. */
    public interface Feature {
        void install(Workbench workbench);
    }
}
