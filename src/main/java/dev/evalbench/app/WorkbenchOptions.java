package dev.evalbench.app;

import dev.evalbench.app.settings.SettingsFile;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the window starts: which workspace it opens (null: ask the user), where settings live, the
 * environment, and the runs {@code evalbench open FILE} already read from files (shown read-only at start). Decided by {@link WorkbenchLauncher} on the main thread, before JavaFX starts, so the FX thread
 * never touches the file system to find them.
 */
public record WorkbenchOptions(Path workspace, SettingsFile settingsFile, Map<String, String> env,
                               java.util.List<dev.evalbench.core.service.OpenedRun> openedRuns) {
    public WorkbenchOptions {
        openedRuns = openedRuns == null ? java.util.List.of() : java.util.List.copyOf(openedRuns);
    }

    /** Options that open no run file. */
    public WorkbenchOptions(Path workspace, SettingsFile settingsFile, Map<String, String> env) {
        this(workspace, settingsFile, env, java.util.List.of());
    }
}
