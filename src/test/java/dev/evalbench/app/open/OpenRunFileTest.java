package dev.evalbench.app.open;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.history.RunRow;
import dev.evalbench.core.compare.ReviewCase;
import dev.evalbench.core.service.RunFiles;
import dev.evalbench.core.store.HistoryLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A reviewer's machine: a fresh copy of the sample with no run history, and the run file CI exported (made here
 * in another folder from a real offline run). {@code evalbench open FILE} shows it read-only; two files open
 * as their comparison.
 */
@dev.evalbench.app.SharesFxToolkit
class OpenRunFileTest extends WindowTestBase {

    private Path exported(String name) throws Exception {
        return ExportedRunFile.of(temp, name);
    }

    @Test
    void anExportedRunOpensReadOnlyWithNoHistoryPresent() throws Exception {
        openedOnTheSample();
        TabPane tabs = fixture.workbench().window().tabs();
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        assertThat(tab.getText()).startsWith("Read-only ");
        assertThat(tab.getId()).startsWith("opened-tab-");
        assertThat(robot.lookup("#results-count").queryAs(Label.class).getText()).isEqualTo("159 of 159 cases");
        waitFor(20, TimeUnit.SECONDS, () -> table("#gates-table").getItems().size() == 9);
        assertThat(robot.lookup("#gates-headline").queryAs(Label.class).getText()).matches("FAILED: \\d of 9 gates failed");
        // Not "tag a run main in the history": a file's run is gated on its own whatever the history holds.
        assertThat(robot.lookup("#gates-baseline").queryAs(Label.class).getText())
                .isEqualTo("Gated on its own, as a run opened from a file: \"Baseline\" compares it with the run tagged main"
                        + " in this workspace's history.");
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText())
                .startsWith("Opened run export ").endsWith("(ci-run.json) read-only.");
        @SuppressWarnings("unchecked")
        ListView<RunRow> history = robot.lookup("#history-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(history.getItems()).isEmpty();
        // The window opened on the file is laid out as any other: the centre, where the run is, keeps its share
        // (the first layout, at the results' preferred width, shrank it to 171 px of 1,280).
        javafx.scene.control.SplitPane main = fixture.workbench().window().splitPanes().get("main");
        double[] defaults = fixture.workbench().window().defaultDividers("main");
        try {
            waitFor(5, TimeUnit.SECONDS, () -> Math.abs(main.getDividerPositions()[1] - defaults[1]) < 0.01);
        } catch (java.util.concurrent.TimeoutException e) {
            // fall through: the assertions below say where the dividers are
        }
        assertThat(main.getDividerPositions()).as("the main dividers").containsExactly(defaults,
                org.assertj.core.data.Offset.offset(0.01));
    }

    /**
     * A case of the opened run, selected, shows in the detail pane with the open workspace's restricted values
     * masked (the mask made in a task, once, not on the FX thread at each selection) and the button to reveal them.
     */
    @Test
    void aSelectedCaseOfTheOpenedRunShowsMaskedWithTheOpenWorkspacesValues() throws Exception {
        openedOnTheSample();
        TableView<dev.evalbench.core.record.CaseSummary> cases = table("#results-table");

        for (String id : List.of("t002", "t001")) {
            int row = FxWait.read(() -> {
                for (int i = 0; i < cases.getItems().size(); i++) {
                    if (cases.getItems().get(i).key().caseId().equals(id)) return i;
                }
                return -1;
            });
            robot.interact(() -> {
                cases.getSelectionModel().clearAndSelect(row);
                cases.scrollTo(row);
            });
            waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#detail-title").tryQuery().isPresent()
                    && id.equals(shown("#detail-title")));
        }

        // The sample's prompt quotes the customer's e-mail; t001's is restricted in the sample's dataset.
        assertThat(shown("#detail-prompt")).doesNotContain("hiroshi.sato@example.com").contains("masked");
        assertThat(robot.lookup("#reveal-restricted").tryQuery()).isPresent();
    }

    /**
     * A run file opened as the window starts on its workspace (`evalbench open run.json` in the workspace): its cases
     * in the workspace's order, as a run of the history lists them (the triage suite first, as evalbench.yaml
     * lists it), not suite by suite in the alphabet's (the file opened before the workspace was read).
     */
    @Test
    void aRunFileOpenedAtStartListsItsCasesInTheWorkspacesOrder() throws Exception {
        openedOnTheSample();
        TableView<dev.evalbench.core.record.CaseSummary> cases = table("#results-table");
        assertThat(FxWait.read(() -> cases.getItems().stream().limit(3).map(c -> c.key().caseId()).toList()))
                .containsExactly("t001", "t002", "t003");
        assertThat(FxWait.read(() -> cases.getItems().get(158).key().suite())).isEqualTo("safety");
    }

    /** The CI run's exported file opened on a fresh copy of the sample with no history, its 159 rows listed. */
    private void openedOnTheSample() throws Exception {
        Path file = exported("ci-run");
        fixture = WorkbenchFixture.ofSample(temp.resolve("reviewer"));
        assertThat(HistoryLocation.defaultDb(fixture.workspace)).doesNotExist();
        fixture.start(Map.of(), List.of(RunFiles.open(file)));
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#results-table").tryQuery().isPresent()
                && table("#results-table").getItems().size() == 159);
    }

    private String shown(String id) {
        return FxWait.read(() -> dev.evalbench.app.detail.ShownText.of(robot.lookup(id).query()));
    }

    @Test
    void withoutAWorkspaceTheOpenedRunSaysWhyItIsNotGatedAndHowToGateIt() throws Exception {
        Path file = exported("ci-run");
        fixture = WorkbenchFixture.withoutWorkspace(temp.resolve("reviewer"));
        fixture.start(Map.of(), List.of(RunFiles.open(file)));

        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#gates-headline").tryQuery().isPresent()
                && "Not gated".equals(robot.lookup("#gates-headline").queryAs(Label.class).getText()));
        // Not "Cannot gate run …: ru…" cut in the headline over a table that kept saying "Gating…".
        Label why = robot.lookup("#gates-problem").queryAs(Label.class);
        waitFor(5, TimeUnit.SECONDS, () -> why.isVisible() && why.getWidth() > 0 && dev.evalbench.app.DrawnWhole.of(why));
        assertThat(dev.evalbench.app.FxWait.read(why::getText)).startsWith("Cannot gate run ")
                .endsWith(": it carries no copy of its workspace's files and no workspace is open; open its workspace "
                        + "(Ctrl+O) to gate it with that workspace's gates");
        assertThat(table("#results-table").getItems()).hasSize(159);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#gates-table .column-header .label").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && l.getText() != null && !l.getText().isEmpty()).count() >= 5
                && robot.lookup("#gates-table .column-header .label").queryAllAs(Label.class).stream()
                .filter(Label::isVisible).allMatch(dev.evalbench.app.DrawnWhole::of));
    }

    @Test
    void aReportFolderOpenedWithoutItsWorkspaceShowsTheGatesTheReportRecorded() throws Exception {
        Path folder = ExportedRunFile.reportOf(temp, "ci-report");
        fixture = WorkbenchFixture.withoutWorkspace(temp.resolve("reviewer"));
        fixture.start(Map.of(), List.of(RunFiles.open(folder)));

        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#gates-table").tryQuery().isPresent()
                && table("#gates-table").getItems().size() == 9);
        // What CI decided, as report.json says it: the sample fails its schema gate and, with no baseline, cost.
        assertThat(robot.lookup("#gates-headline").queryAs(Label.class).getText()).isEqualTo("FAILED: 2 of 9 gates failed");
        // The verdict is drawn whole beside the long sentence about where the gates come from.
        Label headline = robot.lookup("#gates-headline").queryAs(Label.class);
        waitFor(5, TimeUnit.SECONDS, () -> headline.getWidth() > 0 && dev.evalbench.app.DrawnWhole.of(headline));
        assertThat(robot.lookup("#gates-baseline").queryAs(Label.class).getText())
                .isEqualTo("As the report recorded them; open the workspace (Ctrl+O) to gate it here.");
        TableView<dev.evalbench.app.gates.GateRow> gates = table("#gates-table");
        assertThat(gates.getItems()).filteredOn(r -> !r.passed()).extracting(dev.evalbench.app.gates.GateRow::id)
                .containsExactly("schema", "cost");
        assertThat(gates.getItems().get(0).value()).isEqualTo("98.7%");
        assertThat(table("#results-table").getItems()).hasSize(159);
    }

    /**
     * The support sample's report folder opened while the invoice workspace is the window's: it was gated with the
     * invoice workspace's gates (13 of them, "totals-de" and the rest, none of which a triage run can meet); now
     * with the gates its report recorded.
     */
    @Test
    void aReportFolderOpenedBesideAnotherWorkspaceShowsTheGatesTheReportRecorded() throws Exception {
        Path folder = ExportedRunFile.reportOf(temp, "ci-report");
        fixture = WorkbenchFixture.ofSample("invoice-extraction", temp.resolve("reviewer"));
        fixture.start(Map.of(), List.of(RunFiles.open(folder)));

        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#gates-table").tryQuery().isPresent()
                && table("#gates-table").getItems().size() == 9);
        assertThat(robot.lookup("#gates-headline").queryAs(Label.class).getText()).isEqualTo("FAILED: 2 of 9 gates failed");
        assertThat(table("#gates-table").getItems()).filteredOn(r -> !((dev.evalbench.app.gates.GateRow) r).passed())
                .extracting(r -> ((dev.evalbench.app.gates.GateRow) r).id()).containsExactly("schema", "cost");
    }

    @Test
    void twoRunFilesOpenAsTheirComparison() throws Exception {
        Path first = exported("main");
        Path second = exported("pr");
        fixture = WorkbenchFixture.ofSample(temp.resolve("reviewer"));
        fixture.start(Map.of(), List.of(RunFiles.open(first), RunFiles.open(second)));

        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-table").tryQuery().isPresent()
                && table("#compare-table").getItems().size() == 159);
        TableView<ReviewCase> cases = table("#compare-table");
        // The scripted model is deterministic: two runs of the same inputs differ in no case.
        assertThat(cases.getItems()).allMatch(r -> r.status() == dev.evalbench.core.compare.ReviewStatus.UNCHANGED);
        assertThat(robot.lookup("#compare-headline").queryAs(Label.class).getText())
                .isEqualTo("0 regressed · 0 improved · 0 with another output · 159 unchanged · 0 only in the first run · 0 only in the second");
        assertThat(robot.lookup("#compare-runs").queryAs(Label.class).getText())
                .contains("(main.json) (read-only)").contains("(pr.json) (read-only)");
        @SuppressWarnings("unchecked")
        ListView<RunRow> history = robot.lookup("#history-list").queryAs(ListView.class);
        assertThat(history.getItems()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String id) {
        return (TableView<T>) robot.lookup(id).queryAs(TableView.class);
    }
}
