package dev.evalbench.app;

import dev.evalbench.app.settings.SettingsFile;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the window starts: which workspace it opens (null: ask the user), where settings live, and the
 * environment. Decided by {@link WorkbenchLauncher} on the main thread, before JavaFX starts, so the FX thread
 * never touches the file system to find them.
 */
public record WorkbenchOptions(Path workspace, SettingsFile settingsFile, Map<String, String> env) {}
