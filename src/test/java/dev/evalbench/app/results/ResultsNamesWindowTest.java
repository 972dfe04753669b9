package dev.evalbench.app.results;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.DrawnWhole;
import dev.evalbench.app.FxWait;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.history.RunRow;
import dev.evalbench.cli.Cli;
import dev.evalbench.core.record.CaseSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The results table draws each case's suite and route whole, whatever the workspace names them: the invoice
 * sample's suite "extraction" read "extrac…" in a column sized for "triage".
 */
@dev.evalbench.app.SharesFxToolkit
class ResultsNamesWindowTest {
    @TempDir Path temp;
    private WorkbenchFixture fixture;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) fixture.stop();
    }

    @Test
    void theInvoiceSamplesSuiteAndRouteAreDrawnWhole() throws Exception {
        fixture = WorkbenchFixture.ofSample("invoice-extraction", temp);
        assertThat(Cli.run("run", "-w", fixture.workspace.toString(), "--quiet").exit()).isBetween(0, 1);
        fixture.start();
        @SuppressWarnings("unchecked")
        ListView<RunRow> history = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(20, TimeUnit.SECONDS, () -> history.getItems().size() == 1);
        robot.doubleClickOn(robot.lookup("#history-list .list-cell").nth(0).queryAs(Node.class));
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#results-table").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<CaseSummary> cases = robot.lookup("#results-table").queryAs(TableView.class);
        waitFor(20, TimeUnit.SECONDS, () -> !cases.getItems().isEmpty());

        assertThat(FxWait.read(() -> cellTexts("Suite"))).as("suite cells drawn").contains("extraction");
        try {
            waitFor(5, TimeUnit.SECONDS, () -> cutCells("Suite").isEmpty() && cutCells("Route").isEmpty()
                    && cutCells("Case").isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            // Say which texts stayed cut.
            assertThat(FxWait.read(() -> List.of(cutCells("Suite"), cutCells("Route"), cutCells("Case"))))
                    .as("suite, route and case cells drawn cut short").containsOnly(List.of());
        }
    }

    private List<String> cellTexts(String column) {
        return cells(column).stream().map(TableCell::getText).toList();
    }

    /** The column's cells on screen whose text is drawn cut short ("extrac…"). */
    private List<String> cutCells(String column) {
        return cells(column).stream().filter(c -> !DrawnWhole.of(c)).map(TableCell::getText).toList();
    }

    private List<TableCell<?, ?>> cells(String column) {
        return robot.lookup("#results-table .table-cell").queryAllAs(TableCell.class).stream()
                .<TableCell<?, ?>>map(c -> c)
                .filter(c -> c.isVisible() && c.getText() != null && !c.getText().isEmpty())
                .filter(c -> c.getTableColumn() != null && column.equals(c.getTableColumn().getText())).toList();
    }
}
