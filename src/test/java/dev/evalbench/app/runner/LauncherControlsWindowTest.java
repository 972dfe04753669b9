package dev.evalbench.app.runner;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Spinner;
import org.junit.jupiter.api.Test;

/**
 * The tool bar shows the launcher's choices as they are: those remembered for the workspace come back once it opens,
 * after the controls were made, and the cache box went on saying "read-write" over a launcher set to "off" (a run
 * then asked the model for every case the box said the cache would answer).
 */
@dev.evalbench.app.SharesFxToolkit
class LauncherControlsWindowTest extends WindowTestBase {

    @Test
    void theChoicesRememberedForTheWorkspaceAreTheOnesShown() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        String folder = fixture.workspace.toAbsolutePath().normalize().toString().replace("\\", "\\\\");
        Files.createDirectories(fixture.settings.getParent());
        Files.writeString(fixture.settings, "{\"launchers\": {\"" + folder + "\": {\"routes\": [\"offline\"], \"suites\": [],"
                + " \"concurrency\": 2, \"repeat\": 3, \"cache\": \"off\"}}}");
        fixture.start();
        waitFor(20, TimeUnit.SECONDS, () -> fixture.workbench().session().workspace() != null);

        @SuppressWarnings("unchecked")
        ChoiceBox<String> cache = robot.lookup("#launcher-cache").queryAs(ChoiceBox.class);
        @SuppressWarnings("unchecked")
        Spinner<Integer> concurrency = robot.lookup("#launcher-concurrency").queryAs(Spinner.class);
        @SuppressWarnings("unchecked")
        Spinner<Integer> repeat = robot.lookup("#launcher-repeat").queryAs(Spinner.class);
        waitFor(10, TimeUnit.SECONDS, () -> "off".equals(cache.getValue()));
        assertThat(FxWait.read(concurrency::getValue)).isEqualTo(2);
        assertThat(FxWait.read(repeat::getValue)).isEqualTo(3);
    }
}
