package dev.evalbench.app.runner;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.Test;

/**
 * A route added to the sample with {@code base_url: ${LOCAL_LLM_URL}}, the variable unset where the window started:
 * the workspace opens with no problem (the whole workspace showed as having one, and nothing could run); the Problems
 * panel warns of the route at the line, as {@code validate} does, and the routes menu says what it lacks.
 */
@dev.evalbench.app.SharesFxToolkit
class UnsetRouteVariableWindowTest extends WindowTestBase {

    @Test
    void theRouteIsWarnedOfAndTheWorkspaceHasNoProblem() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        Files.writeString(fixture.workspace.resolve("routes.yaml"), "\n  local:\n    provider: ollama\n    model: llama3\n"
                + "    base_url: ${LOCAL_LLM_URL}\n", StandardOpenOption.APPEND);
        fixture.start(Map.of());

        TitledPane panel = robot.lookup("#problems-panel").queryAs(TitledPane.class);
        waitFor(20, TimeUnit.SECONDS, () -> "Problems (0) · 1 warning".equals(FxWait.read(panel::getText)));
        waitFor(10, TimeUnit.SECONDS, () -> listCell(t -> t.equals("warning: routes.yaml:46:15: environment variable"
                + " \"LOCAL_LLM_URL\" is not set, and route local takes its base_url from it (set it, or write"
                + " ${LOCAL_LLM_URL:-default} to give a default)")) != null);
        MenuButton routes = robot.lookup("#launcher-routes").queryAs(MenuButton.class);
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> routes.getItems().stream().map(MenuItem::getText)
                .anyMatch("local  ·  LOCAL_LLM_URL not set"::equals)));
    }
}
