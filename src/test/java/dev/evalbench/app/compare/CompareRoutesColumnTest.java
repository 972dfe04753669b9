package dev.evalbench.app.compare;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.DrawnWhole;
import dev.evalbench.app.FxWait;
import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.core.compare.ReviewCase;
import dev.evalbench.core.record.RunHeader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * Two runs of the sample on two routes each, compared in the window: every case is paired once per route, and the
 * case list says which route a row is. Without a Route column "t001" was listed twice, alike in every column.
 */
@dev.evalbench.app.SharesFxToolkit
class CompareRoutesColumnTest extends WindowTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void aComparisonOfRunsOfTwoRoutesListsEachCasesRoute() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        try (SampleHistory history = SampleHistory.of(fixture.workspace)) {
            RunHeader first = history.runRoutes("offline", "grader");
            history.store.tag(first.id(), "main");
            history.runRoutes("offline", "grader");
        }
        fixture.start();
        ListView<?> runs = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(20, TimeUnit.SECONDS, () -> runs.getItems().size() == 2);
        FxWait.waitUntilShown(robot, "#history-list .list-cell", 10, TimeUnit.SECONDS);
        robot.clickOn(robot.lookup("#history-list .list-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#history-compare-baseline");

        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-table").tryQuery().isPresent()
                && robot.lookup("#compare-table").queryAs(TableView.class).getItems().size() == 2 * 159);
        TableView<ReviewCase> cases = robot.lookup("#compare-table").queryAs(TableView.class);
        TableColumn<ReviewCase, ?> route = FxWait.read(() -> cases.getColumns().stream()
                .filter(c -> c.getText().equals("Route")).findFirst().orElseThrow());
        waitFor(10, TimeUnit.SECONDS, route::isVisible);
        assertThat(FxWait.read(() -> cases.getColumns().indexOf(route))).as("beside the suite").isEqualTo(3);
        List<String> routes = FxWait.read(() -> cases.getItems().stream().map(r -> String.valueOf(route.getCellData(r)))
                .distinct().sorted().toList());
        assertThat(routes).containsExactly("grader", "offline");
        // Drawn whole in the rows on screen ("offl…" would leave the two rows of a case apart only by guessing).
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#compare-table .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() == route && c.getText() != null && !c.getText().isEmpty())
                .allMatch(DrawnWhole::of));
    }
}
