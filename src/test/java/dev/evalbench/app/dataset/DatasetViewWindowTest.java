package dev.evalbench.app.dataset;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/** A dataset opened from the workspace tree in the real window: its cases, filtered, and one case's detail. */
@dev.evalbench.app.SharesFxToolkit
class DatasetViewWindowTest extends WindowTestBase {

    @Test
    void theDatasetViewFiltersByTagAndShowsTheSelectedCase() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp).start();
        waitFor(20, TimeUnit.SECONDS, () -> treeCell("tickets.jsonl") != null);
        dev.evalbench.app.DoubleClick.opening(robot, () -> treeCell("tickets.jsonl"),
                () -> selectedTab() != null && "tickets.jsonl (cases)".equals(selectedTab().getText()));
        assertThat(FxWait.read(() -> fixture.workbench().window().detailShown())).as("a dataset's case shows there")
                .isTrue();
        TableView<?> table = robot.lookup("#dataset-table").queryAs(TableView.class);
        waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 127);
        robot.clickOn("#dataset-tag");
        robot.clickOn(listCell("app-crash"::equals));
        waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertThat(robot.lookup("#dataset-count").queryAs(Label.class).getText()).isEqualTo("2 of 127 cases");
        // Ctrl+F reaches the dataset's filter too, from the tag box just used.
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.F, javafx.scene.input.KeyCode.CONTROL);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#dataset-filter").query().isFocused());
        robot.write("iPhone");
        waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 1);

        // The selected case's detail: where it is, its variables as YAML and expected value indented, its tags.
        robot.clickOn(robot.lookup("#dataset-table .table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> r.getItem() != null && r.isVisible())
                .queryAs(javafx.scene.Node.class));
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#dataset-case").tryQuery().isPresent());
        String id = FxWait.read(() -> ((dev.evalbench.app.dataset.DatasetRow) table.getItems().get(0)).id());
        String vars = FxWait.read(() -> robot.lookup("#dataset-case-vars").queryAs(javafx.scene.text.Text.class)
                .getText());
        assertThat(vars).startsWith("channel: ").contains("iPhone").contains("\ncustomer:\n  name: ");
        assertThat(FxWait.read(() -> robot.lookup("#dataset-case .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList())).contains(id, "Input variables", "Expected", "Tags")
                .anyMatch(t -> t.startsWith("suite triage · datasets/tickets.jsonl, line "));
    }
}
