package dev.evalbench.app;

import dev.evalbench.app.settings.SettingsFile;
import dev.evalbench.cli.Cli;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real workbench for a TestFX test: the real {@link WorkbenchApp} on a copy of a workspace (the
 * sample by default) in a temp folder, with settings in that folder too, so a test never writes into the
 * checkout or the user's config. {@link #stop()} closes the window as a user would.
 */
public final class WorkbenchFixture {
    public final Path workspace;
    public final Path settings;
    public WorkbenchApp app;
    public Stage stage;
    private FxThreadFileAccess fileAccess;

    private WorkbenchFixture(Path workspace, Path settings) {
        this.workspace = workspace;
        this.settings = settings;
    }

    /** A copy of {@code workspaces/support-triage} under {@code temp}, without its run history. */
    public static WorkbenchFixture ofSample(Path temp) {
        return ofSample("support-triage", temp);
    }

    /** A copy of the sample {@code workspaces/NAME} under {@code temp}, without its run history. */
    public static WorkbenchFixture ofSample(String name, Path temp) {
        Path ws = temp.resolve(name);
        Cli.copyTree(Path.of("workspaces", name), ws);
        return new WorkbenchFixture(ws, temp.resolve("config/workbench.json"));
    }

    /** No workspace: as the packaged app's first start away from a checkout (no last workspace, no sample). */
    public static WorkbenchFixture withoutWorkspace(Path temp) {
        return new WorkbenchFixture(null, temp.resolve("config/workbench.json"));
    }

    public WorkbenchFixture start() throws TimeoutException {
        return start(Map.of());
    }

    public WorkbenchFixture start(Map<String, String> env) throws TimeoutException {
        return start(env, java.util.List.of());
    }

    /** Starts as {@code evalbench open FILE} does once the launcher has read {@code opened} from their files. */
    public WorkbenchFixture start(Map<String, String> env, java.util.List<dev.evalbench.core.service.OpenedRun> opened)
            throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        fileAccess = FxThreadFileAccess.start();
        app = (WorkbenchApp) FxToolkit.setupApplication(() ->
                new WorkbenchApp(new WorkbenchOptions(workspace, new SettingsFile(settings), env, opened)));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    public Workbench workbench() {
        return app.workbench();
    }

    /** Closes the window; fails if the workbench read or wrote a file on the FX thread meanwhile. */
    public void stop() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        if (fileAccess == null) return;
        java.util.List<String> found = fileAccess.stop();
        fileAccess = null;
        if (!found.isEmpty()) {
            throw new AssertionError("the workbench read or wrote files on the FX thread:\n  "
                    + String.join("\n  ", found));
        }
    }
}
