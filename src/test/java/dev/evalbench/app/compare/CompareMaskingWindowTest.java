package dev.evalbench.app.compare;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * A comparison masks a case's restricted values with the workspaces its runs were made from, not only the one open:
 * opened while gates.yaml had a problem, the open workspace could not be read, and t001's e-mail and card showed in
 * full where they are masked until revealed.
 */
@dev.evalbench.app.SharesFxToolkit
class CompareMaskingWindowTest extends WindowTestBase {

    @Test
    void aComparisonOpenedWhileTheWorkspaceHasAProblemStillMasksTheCase() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        for (int i = 0; i < 2; i++) {
            assertThat(Cli.run("run", fixture.workspace.toString(), "--suite", "triage", "--quiet").exit()).isIn(0, 1);
        }
        Path gates = fixture.workspace.resolve("gates.yaml");
        Files.writeString(gates, Files.readString(gates) + "\n  - metric: [unclosed\n");
        fixture.start();
        waitFor(20, TimeUnit.SECONDS, () -> !fixture.workbench().session().problems().isEmpty()
                && robot.lookup("#history-list").queryListView().getItems().size() == 2);

        robot.clickOn("#compare-pick");
        FxWait.waitUntilShown(robot, "#pick-second", 10, TimeUnit.SECONDS);
        robot.clickOn(robot.lookup("#pick-runs .button").match((Button b) -> "OK".equals(b.getText())).queryAs(Button.class));
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-table").tryQuery()
                .map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(false));
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("t001");
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> robot.lookup("#compare-case-title").queryAs(Label.class).getText())
                .startsWith("triage/t001"));
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> robot.lookup("#compare-input").queryAs(Label.class).getText())
                .contains("Customer context"));
        assertThat(FxWait.read(() -> robot.lookup("#compare-input").queryAs(Label.class).getText()))
                .doesNotContain("hiroshi.sato@example.com").doesNotContain("4012 8888 8888 1881");
    }
}
