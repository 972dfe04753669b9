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

    /**
     * Concurrency and repeat are typed (they took a click on an arrow per step: 56 clicks from 8 to 64): a number
     * typed is the value at once, with no Enter before Ctrl+R; letters are not taken; a number beyond the range is
     * put at its nearest end when the field is left, and an emptied field goes back to the value it had.
     */
    @Test
    void concurrencyAndRepeatAreTypedAndKeptWithinTheirRange() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp).start();
        waitFor(20, TimeUnit.SECONDS, () -> fixture.workbench().session().workspace() != null);
        @SuppressWarnings("unchecked")
        Spinner<Integer> concurrency = robot.lookup("#launcher-concurrency").queryAs(Spinner.class);
        @SuppressWarnings("unchecked")
        Spinner<Integer> repeat = robot.lookup("#launcher-repeat").queryAs(Spinner.class);

        retype(concurrency, "64");
        waitFor(5, TimeUnit.SECONDS, () -> concurrency.getValue() == 64);
        robot.write("x!");
        assertThat(FxWait.read(() -> concurrency.getEditor().getText())).isEqualTo("64");

        retype(concurrency, "999");
        robot.push(javafx.scene.input.KeyCode.TAB);
        waitFor(5, TimeUnit.SECONDS, () -> "256".equals(concurrency.getEditor().getText()));
        assertThat(FxWait.read(concurrency::getValue)).isEqualTo(256);

        retype(repeat, "0");
        robot.push(javafx.scene.input.KeyCode.ENTER);
        waitFor(5, TimeUnit.SECONDS, () -> "1".equals(repeat.getEditor().getText()));
        assertThat(FxWait.read(repeat::getValue)).isEqualTo(1);
        retype(repeat, "5");
        waitFor(5, TimeUnit.SECONDS, () -> repeat.getValue() == 5);
        robot.push(javafx.scene.input.KeyCode.BACK_SPACE).push(javafx.scene.input.KeyCode.TAB);
        waitFor(5, TimeUnit.SECONDS, () -> "5".equals(repeat.getEditor().getText()));
        assertThat(FxWait.read(repeat::getValue)).isEqualTo(5);
    }

    /** Clicks into the spinner's field, selects what it holds and types {@code text} over it. */
    private void retype(Spinner<Integer> spinner, String text) {
        robot.clickOn(spinner.getEditor());
        robot.interact(() -> spinner.getEditor().selectAll());
        robot.write(text);
    }

    /**
     * A route whose API key variable is unset where the window started says so beside its name in the routes menu, and
     * so does one whose fallback's is: found before Run, which refuses it with what to do. With the key set, the names
     * stand alone.
     */
    @Test
    void aRouteWithoutItsKeyHereSaysSoInTheRoutesMenu() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        dev.evalbench.cli.Cli.edit(fixture.workspace.resolve("routes.yaml"), "    params: {realtime: true}\n",
                "    params: {realtime: true}\n    fallbacks: [openai]\n");
        fixture.start(java.util.Map.of());
        javafx.scene.control.MenuButton routes = robot.lookup("#launcher-routes").queryAs(javafx.scene.control.MenuButton.class);
        waitFor(20, TimeUnit.SECONDS, () -> FxWait.read(() -> routes.getItems().size()) == 4);
        assertThat(FxWait.read(() -> routes.getItems().stream().map(javafx.scene.control.MenuItem::getText).toList()))
                .containsExactly("offline", "offline-live  ·  its fallback openai: OPENAI_API_KEY not set", "grader",
                        "openai  ·  OPENAI_API_KEY not set");
        assertThat(FxWait.read(() -> routes.getItems().stream().noneMatch(javafx.scene.control.MenuItem::isMnemonicParsing)))
                .as("OPENAI_API_KEY drawn with its underscores").isTrue();

        robot.interact(() -> routes.getItems().forEach(i -> ((javafx.scene.control.CheckMenuItem) i)
                .setSelected("openai".equals(i.getUserData()))));
        assertThat(FxWait.read(routes::getText)).as("the chosen route by its name").isEqualTo("openai");
        assertThat(FxWait.read(routes::isMnemonicParsing)).as("a route named my_route drawn with its underscore").isFalse();
        robot.clickOn("#status-message");
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.R);
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> robot.lookup("#status-message")
                .queryAs(javafx.scene.control.Label.class).getText())
                .startsWith("route openai reads its API key from OPENAI_API_KEY"));

        fixture.stop();
        fixture.start(java.util.Map.of("OPENAI_API_KEY", "sk-local"));
        javafx.scene.control.MenuButton again = robot.lookup("#launcher-routes").queryAs(javafx.scene.control.MenuButton.class);
        waitFor(20, TimeUnit.SECONDS, () -> FxWait.read(() -> again.getItems().size()) == 4);
        assertThat(FxWait.read(() -> again.getItems().stream().map(javafx.scene.control.MenuItem::getText).toList()))
                .containsExactly("offline", "offline-live", "grader", "openai");
    }
}
