package dev.evalbench.app.results;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.history.RunRow;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The detail pane in the real window follows the selection: each selected case fills the pane in full (title,
 * raw output, validation), in the same pane, and a case without schema errors shows none of the previous one's.
 */
@dev.evalbench.app.SharesFxToolkit
class DetailPaneWindowTest extends WindowTestBase {
    private List<CaseRecord> records;

    @BeforeEach
    void runOnceThenStart() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        try (SampleHistory history = SampleHistory.of(fixture.workspace)) {
            records = history.store.cases(history.run().id());
        }
        fixture.start();
    }

    @Test
    void selectingCaseAfterCaseRefillsOnePaneWithEachCaseInFull() throws Exception {
        TableView<CaseSummary> cases = openTheRunsCases();

        CaseRecord invalid = records.stream().filter(r -> !r.schemaValid() && r.rawOutput() != null).findFirst().orElseThrow();
        CaseRecord valid = records.stream().filter(r -> r.schemaValid() && r.failureKind() == null).findFirst().orElseThrow();
        select(cases, invalid);
        Node pane = robot.lookup("#case-detail").query();
        assertThat(text("#detail-raw")).isEqualTo(invalid.rawOutput());
        assertThat(text("#detail-schema-errors")).isNotBlank();

        select(cases, valid);
        Node now = robot.lookup("#case-detail").query();
        assertThat(now).isSameAs(pane);
        assertThat(text("#detail-raw")).isEqualTo(valid.rawOutput());
        // The previous case's schema errors are gone, not left behind in a hidden label.
        assertThat(robot.lookup("#detail-schema-errors").tryQuery()).isEmpty();
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText).contains("schema-valid");
    }

    /**
     * Each tab keeps its own detail: a gate chosen in a run's results is not left beside another tab (it read "FAIL
     * cost" next to a later run whose cost gate passed), and it is back when its tab is selected again.
     */
    @Test
    void eachTabShowsItsOwnDetailAndGetsItBackWhenSelectedAgain() throws Exception {
        openTheRun();
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#gates-table").tryQuery().isPresent()
                && robot.lookup("#gates-table").queryAs(TableView.class).getItems().size() == 9);
        javafx.scene.control.Tab results = selectedTab();
        robot.clickOn(robot.lookup("#gates-table .table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                "cost".equals(c.getText())).queryAs(Node.class));
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#gate-detail-title").tryQuery().isPresent());
        assertThat(text("#gate-detail-title")).startsWith("FAIL  cost");

        dev.evalbench.app.DoubleClick.opening(robot, () -> treeCell("tickets.jsonl"),
                () -> selectedTab() != null && "tickets.jsonl (cases)".equals(selectedTab().getText()));
        assertThat(robot.lookup("#gate-detail").tryQuery()).as("the other tab's gate").isEmpty();
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Select a case, a gate or a revision to see its detail here.");
        TableView<?> dataset = robot.lookup("#dataset-table").queryAs(TableView.class);
        waitFor(10, TimeUnit.SECONDS, () -> !dataset.getItems().isEmpty());
        // The dataset's rows are drawn as tall as the results' (one look; they were half as tall again).
        waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#dataset-table .table-row-cell").queryAll().isEmpty());
        assertThat(dev.evalbench.app.FxWait.read(() -> robot.lookup("#dataset-table .table-row-cell").queryAll().stream()
                .mapToDouble(n -> n.getBoundsInLocal().getHeight()).max().orElse(0)))
                .isEqualTo(ResultsView.ROW_HEIGHT, org.assertj.core.data.Offset.offset(1.0));
        // Restricted values read masked in the table and the case's detail, as in a report (t001's e-mail address
        // showed in both).
        assertThat(FxWait.read(() -> robot.lookup("#dataset-table .table-cell").queryAllAs(javafx.scene.control.TableCell.class)
                .stream().map(c -> String.valueOf(c.getText())).filter(t -> t.contains("Your app crashes")).toList()))
                .singleElement().asString().doesNotContain("hiroshi.sato@example.com").contains("[masked ");
        // Esc in its filter shows every case again, as in the results.
        int all = FxWait.read(() -> dataset.getItems().size());
        robot.clickOn("#dataset-filter").write("no case says this");
        waitFor(5, TimeUnit.SECONDS, () -> dataset.getItems().isEmpty());
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
        waitFor(5, TimeUnit.SECONDS, () -> dataset.getItems().size() == all);
        robot.interact(() -> dataset.getSelectionModel().select(0));
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#dataset-case").tryQuery().isPresent());
        assertThat(FxWait.read(() -> robot.lookup("#dataset-case-vars").queryAs(javafx.scene.text.Text.class).getText()))
                .doesNotContain("hiroshi.sato@example.com").contains("[masked ");
        // The button reads whole beside its wrapped notice (the narrow detail pane drew it as "...").
        waitFor(5, TimeUnit.SECONDS, () -> dev.evalbench.app.DrawnWhole.of(robot.lookup("#dataset-reveal")
                .queryAs(javafx.scene.control.Button.class)));
        robot.clickOn("#dataset-reveal");
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#dataset-case-vars").queryAs(javafx.scene.text.Text.class)
                .getText().contains("hiroshi.sato@example.com"));

        robot.interact(() -> fixture.workbench().window().tabs().getSelectionModel().select(results));
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#gate-detail").tryQuery().isPresent());
        assertThat(text("#gate-detail-title")).startsWith("FAIL  cost");
        assertThat(robot.lookup("#dataset-case").tryQuery()).isEmpty();
    }

    /**
     * A gate chosen while a case is selected shows the gate: its cases leave the selected one out of the table, and
     * losing that case blanked the pane the gate had just filled ("Select a case, a gate ...").
     */
    @Test
    void aGateChosenWhileACaseIsSelectedShowsTheGate() throws Exception {
        TableView<CaseSummary> cases = openTheRunsCases();
        select(cases, records.stream().filter(r -> r.schemaValid() && r.failureKind() == null).findFirst().orElseThrow());
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#gates-table").tryQuery().isPresent()
                && robot.lookup("#gates-table").queryAs(TableView.class).getItems().size() == 9);

        robot.clickOn(robot.lookup("#gates-table .table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                "schema".equals(c.getText())).queryAs(Node.class));
        waitFor(10, TimeUnit.SECONDS, () -> cases.getItems().size() == 2 && cases.getSelectionModel().isEmpty());
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#gate-detail-title").tryQuery().isPresent());
        assertThat(text("#gate-detail-title")).startsWith("FAIL  schema");
        assertThat(robot.lookup("#case-detail").tryQuery()).isEmpty();
    }

    /** The run's results table once it lists all 159 cases, the run opened as a user double-clicks it. */
    private TableView<CaseSummary> openTheRunsCases() throws Exception {
        openTheRun();
        @SuppressWarnings("unchecked")
        TableView<CaseSummary> cases = robot.lookup("#results-table").queryAs(TableView.class);
        waitFor(20, TimeUnit.SECONDS, () -> cases.getItems().size() == 159);
        return cases;
    }

    /** Opens the history's one run in a results tab, as a user double-clicks it. */
    private void openTheRun() throws Exception {
        @SuppressWarnings("unchecked")
        ListView<RunRow> history = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(20, TimeUnit.SECONDS, () -> history.getItems().size() == 1);
        robot.interact(() -> history.getSelectionModel().select(0));
        dev.evalbench.app.DoubleClick.newestRun(robot);
    }

    private void select(TableView<CaseSummary> cases, CaseRecord record) throws Exception {
        int row = cases.getItems().indexOf(cases.getItems().stream().filter(s -> s.key().equals(record.key())).findFirst().orElseThrow());
        robot.interact(() -> {
            cases.getSelectionModel().clearAndSelect(row);
            cases.scrollTo(row);
        });
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#detail-title").tryQuery().isPresent()
                && record.key().caseId().equals(text("#detail-title")));
    }

    private String text(String id) {
        return FxWait.read(() -> dev.evalbench.app.detail.ShownText.of(robot.lookup(id).query()));
    }
}
