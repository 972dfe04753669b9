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
 * (route variables and API keys are read from it, never from files) and the clock. Built once by
 * {@link WorkbenchApp}; tests build their own with a same-thread runner.
 */
public record Workbench(
        TaskRunner runner,
        WorkspaceSession session,
        MainWindow window,
        WorkbenchSettings settings,
        Map<String, String> env,
        Clock clock) {

    /** A part of the window: installs its views, view models and shortcuts into the workbench. */
    public interface Feature {
        void install(Workbench workbench);
    }
}
