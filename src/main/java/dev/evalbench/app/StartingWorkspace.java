package dev.evalbench.app;

import dev.evalbench.app.settings.WorkbenchSettings;
import dev.evalbench.core.service.WorkspaceLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Which workspace {@code evalbench} with no arguments opens. Reads the file system only; stateless. */
final class StartingWorkspace {
    static final String SAMPLE = "workspaces/support-triage";

    private StartingWorkspace() {}

    /**
     * The workspace {@code cwd} is in (itself or a parent holds {@code evalbench.yaml}, as the commands find it),
     * else the last workspace when it still exists, else the sample when run from a checkout, else null (ask).
     */
    static Path of(WorkbenchSettings settings, Path cwd) {
        Optional<Path> here = WorkspaceLocator.discover(cwd);
        if (here.isPresent()) return here.get().toAbsolutePath().normalize();
        if (settings.lastWorkspace != null && Files.isRegularFile(Path.of(settings.lastWorkspace, "evalbench.yaml"))) {
            return Path.of(settings.lastWorkspace);
        }
        Path sample = cwd.resolve(SAMPLE);
        return Files.isRegularFile(sample.resolve("evalbench.yaml")) ? sample.toAbsolutePath().normalize() : null;
    }
}
