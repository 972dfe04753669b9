package dev.evalbench.app.compare;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.history.RunRow;
import dev.evalbench.core.compare.ReviewCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Review marks outlive the comparison tab and the app: mark two regressions of the sample's latest run against
 * its baseline, close the tab, open the comparison again (the marks and the count are back), quit the app and
 * start it again (still back), all with the marks kept in the settings' config folder.
 */
@dev.evalbench.app.SharesFxToolkit
class ReviewMarksWindowTest extends WindowTestBase {

    @SuppressWarnings("unchecked")
    private TableView<ReviewCase> cases() {
        return (TableView<ReviewCase>) robot.lookup("#compare-table").queryAs(TableView.class);
    }

    private String remaining() {
        return robot.lookup("#compare-remaining").queryAs(Label.class).getText();
    }

    /** Latest against baseline from the history, as a reviewer opens it; waits for the first regression. */
    private void openComparison() throws Exception {
        @SuppressWarnings("unchecked")
        ListView<RunRow> history = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(20, TimeUnit.SECONDS, () -> history.getItems().size() == 2);
        dev.evalbench.app.FxWait.waitUntilShown(robot, "#history-list .list-cell", 10, TimeUnit.SECONDS);
        robot.clickOn(robot.lookup("#history-list .list-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#history-compare-baseline");
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-table").tryQuery().isPresent()
                && cases().getItems().size() == 159 && cases().getSelectionModel().getSelectedItem() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The Reviewed column's words of the rows on screen, by case. */
    private List<String> reviewedShown() {
        return robot.lookup("#compare-table .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> "✓ reviewed".equals(c.getText()) && c.getTableRow() != null && c.getTableRow().getItem() != null)
                .map(c -> ((ReviewCase) c.getTableRow().getItem()).key()).sorted().toList();
    }

    private List<Path> markFiles() throws Exception {
        Path dir = temp.resolve("config/reviews");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    @Test
    void marksSurviveClosingTheTabAndRestartingTheApp() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        ReviewRuns.make(fixture.workspace);
        fixture.start();
        openComparison();
        assertThat(remaining()).isEqualTo("18 of 18 regressions left to review");
        String first = cases().getItems().get(0).key();
        String second = cases().getItems().get(1).key();
        robot.push(KeyCode.M);
        robot.push(KeyCode.J);
        waitFor(10, TimeUnit.SECONDS, () -> cases().getSelectionModel().getSelectedIndex() == 1);
        robot.push(KeyCode.M);
        assertThat(remaining()).isEqualTo("16 of 18 regressions left to review");
        waitFor(10, TimeUnit.SECONDS, () -> reviewedShown().equals(List.of(first, second).stream().sorted().toList()));
        // Written off the UI thread: one file for this pair of runs, naming both cases.
        waitFor(10, TimeUnit.SECONDS, () -> markFiles().size() == 1
                && Files.readString(markFiles().get(0)).contains(first) && Files.readString(markFiles().get(0)).contains(second));
        assertThat(Files.readString(markFiles().get(0))).doesNotContain("\"" + cases().getItems().get(2).key() + "\"");

        // Closed and opened again: the marks and the count are back.
        robot.interact(() -> fixture.workbench().window().tabs().getTabs().removeIf(t -> "compare-tab".equals(t.getId())));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#compare-table").tryQuery()).isEmpty();
        openComparison();
        waitFor(10, TimeUnit.SECONDS, () -> remaining().equals("16 of 18 regressions left to review"));
        waitFor(10, TimeUnit.SECONDS, () -> reviewedShown().equals(List.of(first, second).stream().sorted().toList()));

        // M again on the first: not reviewed any more, and kept so.
        robot.interact(() -> cases().getSelectionModel().clearAndSelect(0));
        robot.clickOn(dev.evalbench.app.FxWait.rowShowing(robot, "#compare-table", 0));
        robot.push(KeyCode.M);
        assertThat(remaining()).isEqualTo("17 of 18 regressions left to review");
        waitFor(10, TimeUnit.SECONDS, () -> !Files.readString(markFiles().get(0)).contains(first));

        // Quit and start again: the same.
        fixture.stop();
        fixture.start();
        openComparison();
        waitFor(10, TimeUnit.SECONDS, () -> remaining().equals("17 of 18 regressions left to review"));
        waitFor(10, TimeUnit.SECONDS, () -> reviewedShown().equals(List.of(second)));
    }
}
