package dev.evalbench.app.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.fx.SameThreadTaskRunner;
import dev.evalbench.app.settings.LauncherChoices;
import dev.evalbench.app.settings.SettingsFile;
import dev.evalbench.app.settings.WorkbenchSettings;
import dev.evalbench.core.service.RunService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run launcher's choices come back in the next session, per workspace, through the real settings file; a
 * route the workspace no longer has is dropped; a workspace with problems keeps the choices it had.
 */
class LauncherMemoryTest {
    @TempDir Path temp;
    private SampleHistory sample;

    @BeforeEach
    void open() throws Exception {
        sample = SampleHistory.in(temp);
    }

    @AfterEach
    void close() throws Exception {
        sample.close();
    }

    private RunLauncherViewModel launcher() {
        return new RunLauncherViewModel(new SameThreadTaskRunner(), () -> sample.store, () -> sample.workspace,
                new RunService(Clock.systemUTC(), Map.of()));
    }

    /** One session: the folder opens, the workspace is read, {@code choose} runs, the app stops; settings written. */
    private RunLauncherViewModel session(SettingsFile file, java.util.function.Consumer<RunLauncherViewModel> choose)
            throws Exception {
        WorkbenchSettings settings = file.load();
        RunLauncherViewModel launcher = launcher();
        SimpleObjectProperty<Path> folder = new SimpleObjectProperty<>();
        List<Runnable> atStop = new ArrayList<>();
        LauncherMemory.install(launcher, folder, settings, atStop::add);
        folder.set(sample.workspace);
        launcher.setWorkspace(sample.ws);
        choose.accept(launcher);
        atStop.forEach(Runnable::run);
        file.save(settings);
        return launcher;
    }

    @Test
    void theChoicesOfOneSessionAreThoseOfTheNext() throws Exception {
        SettingsFile file = new SettingsFile(temp.resolve("config/workbench.json"));
        RunLauncherViewModel first = session(file, l -> {
            assertThat(l.chosenRoutes()).as("nothing remembered: the default route").containsExactly("offline");
            l.chosenRoutes().setAll("offline-live", "openai");
            l.chosenSuites().setAll("safety");
            l.concurrencyProperty().set(16);
            l.repeatProperty().set(3);
            l.cacheModeProperty().set("off");
        });
        assertThat(first.chosenRoutes()).containsExactly("offline-live", "openai");

        RunLauncherViewModel next = session(file, l -> { });
        assertThat(next.chosenRoutes()).containsExactly("offline-live", "openai");
        assertThat(next.chosenSuites()).containsExactly("safety");
        assertThat(next.concurrencyProperty().get()).isEqualTo(16);
        assertThat(next.repeatProperty().get()).isEqualTo(3);
        assertThat(next.cacheModeProperty().get()).isEqualTo("off");
        assertThat(java.nio.file.Files.readString(file.path())).contains("\"launchers\"")
                .contains(sample.workspace.toAbsolutePath().normalize().toString());
    }

    @Test
    void aRouteTheWorkspaceNoLongerHasIsDroppedAndAnEmptyChoiceFallsBackToTheDefaultRoute() throws Exception {
        RunLauncherViewModel launcher = launcher();
        launcher.setWorkspace(sample.ws);
        LauncherChoices gone = new LauncherChoices();
        gone.routes = List.of("removed-route");
        gone.suites = List.of("triage", "removed-suite");
        gone.concurrency = 0;
        gone.cache = "sometimes";
        LauncherMemory.restore(launcher, gone);
        assertThat(launcher.chosenRoutes()).containsExactly("offline");
        assertThat(launcher.chosenSuites()).containsExactly("triage");
        assertThat(launcher.concurrencyProperty().get()).as("out of range: left as it was").isEqualTo(4);
        assertThat(launcher.cacheModeProperty().get()).isEqualTo("read-write");
    }

    /** A typo saved in a template (the workspace has problems) must not put the routes back to the default. */
    @Test
    void aWorkspaceWithProblemsKeepsTheChoicesForWhenItIsFixed() throws Exception {
        RunLauncherViewModel launcher = launcher();
        launcher.setWorkspace(sample.ws);
        launcher.chosenRoutes().setAll("openai");
        launcher.chosenSuites().setAll("triage");
        launcher.setWorkspace(null);
        assertThat(launcher.routes()).isEmpty();
        launcher.setWorkspace(sample.ws);
        assertThat(launcher.chosenRoutes()).containsExactly("openai");
        assertThat(launcher.chosenSuites()).containsExactly("triage");
    }
}
