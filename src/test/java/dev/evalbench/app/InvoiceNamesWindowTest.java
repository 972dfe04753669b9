package dev.evalbench.app;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/**
 * The results table, the comparison and the dataset tab draw each case's suite (and the results its route, the
 * dataset its id) whole, whatever the workspace names them: the invoice sample's suite "extraction" read
 * "extrac…" in columns sized for "triage". The charts name every gate's line (its 11 rate gates' legend was
 * dropped).
 */
@dev.evalbench.app.SharesFxToolkit
class InvoiceNamesWindowTest extends WindowTestBase {

    @Test
    void theInvoiceSamplesNamesAreDrawnWholeInItsResultsComparisonAndDataset() throws Exception {
        fixture = WorkbenchFixture.ofSample("invoice-extraction", temp);
        for (int run = 0; run < 2; run++) {
            assertThat(Cli.run("run", "-w", fixture.workspace.toString(), "--quiet").exit()).isBetween(0, 1);
        }
        fixture.start();
        @SuppressWarnings("unchecked")
        ListView<RunRow> history = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(20, TimeUnit.SECONDS, () -> history.getItems().size() == 2);
        dev.evalbench.app.DoubleClick.newestRun(robot);
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#results-table").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<CaseSummary> cases = robot.lookup("#results-table").queryAs(TableView.class);
        // The table's items arrive before its cells: the cells are drawn at the next layout pulse.
        waitFor(20, TimeUnit.SECONDS, () -> !cases.getItems().isEmpty()
                && cellTexts("#results-table", "Suite").contains("extraction"));
        drawnWhole("#results-table", "Suite", "Route", "Case");

        // The results' "Previous" by its key, from the table.
        robot.clickOn("#results-table").push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT,
                javafx.scene.input.KeyCode.P);
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-table").tryQuery().isPresent()
                && !cellTexts("#compare-table", "Suite").isEmpty());
        drawnWhole("#compare-table", "Suite", "Case");

        DoubleClick.opening(robot, () -> robot.lookup(n -> n instanceof javafx.scene.control.TreeCell<?> c
                        && "invoices.jsonl".equals(c.getText())).queryAs(Node.class),
                () -> robot.lookup("#dataset-table").tryQuery().isPresent());
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#dataset-table").tryQuery().isPresent()
                && cellTexts("#dataset-table", "Suite").contains("extraction"));
        drawnWhole("#dataset-table", "Suite", "Id");

        // Eleven gates measure a rate: each line of the chart carries its gate's name in the legend.
        robot.clickOn("#charts-button");
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#charts-rates").tryQuery().isPresent()
                && !robot.lookup("#charts-rates").queryAs(javafx.scene.chart.LineChart.class).getData().isEmpty());
        javafx.scene.chart.LineChart<?, ?> rates = robot.lookup("#charts-rates").queryAs(javafx.scene.chart.LineChart.class);
        waitFor(5, TimeUnit.SECONDS, () -> rates.lookup(".chart-legend") != null && rates.lookup(".chart-legend").isVisible());
        List<String> named = FxWait.read(() -> rates.lookupAll(".chart-legend-item").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList());
        assertThat(named).hasSize(FxWait.read(() -> rates.getData().size())).contains("totals-de", "no-leaks (lower passes)");
        // ... and no two lines look alike: past the theme's eight colours, colours of their own and dashes.
        List<String> looks = FxWait.read(() -> rates.lookupAll(".chart-series-line").stream()
                .map(n -> (javafx.scene.shape.Path) n).map(p -> p.getStroke() + " " + p.getStrokeDashArray()).toList());
        assertThat(looks).hasSize(named.size()).doesNotHaveDuplicates();
    }

    /** Waits until no cell of the table's named columns is drawn cut short; says which stay cut when some do. */
    private void drawnWhole(String table, String... columns) throws Exception {
        java.util.concurrent.Callable<List<String>> cut = () -> java.util.Arrays.stream(columns)
                .flatMap(column -> cutCells(table, column).stream()).toList();
        try {
            waitFor(5, TimeUnit.SECONDS, () -> cut.call().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            assertThat(FxWait.read(cut)).as("cells of %s drawn cut short", table).isEmpty();
        }
    }

    private List<String> cellTexts(String table, String column) {
        return cells(table, column).stream().map(TableCell::getText).toList();
    }

    /** The column's cells on screen whose text is drawn cut short ("extrac…"). */
    private List<String> cutCells(String table, String column) {
        return cells(table, column).stream().filter(c -> !DrawnWhole.of(c)).map(TableCell::getText).toList();
    }

    private List<TableCell<?, ?>> cells(String table, String column) {
        return robot.lookup(table + " .table-cell").queryAllAs(TableCell.class).stream()
                .<TableCell<?, ?>>map(c -> c)
                .filter(c -> c.isVisible() && c.getText() != null && !c.getText().isEmpty())
                .filter(c -> c.getTableColumn() != null && column.equals(c.getTableColumn().getText())).toList();
    }
}
