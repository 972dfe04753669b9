package dev.evalbench.app.runner;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.cli.Cli;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The author's loop after reading a failure, in the real window: fix what made a case fail, then run again only
 * the cases that did not pass (the results tab's "Rerun failing") or the one case (the table's menu), and read
 * what changed. The sample's t001 is made to fail by a wrong expected category in a first run from the command
 * line; the fix is the category put back.
 */
@dev.evalbench.app.SharesFxToolkit
class RerunWindowTest extends WindowTestBase {
    private static final String WRONG = "\"expected\": {\"category\": \"billing\"";
    private static final String RIGHT = "\"expected\": {\"category\": \"bug\"";

    @Test
    void rerunFailingRunsOnlyTheCasesThatDidNotPassAndSaysWhichNowPass() throws Exception {
        List<CaseKey> failing = firstRunWithT001Failing();
        assertThat(failing).hasSize(28).anyMatch(k -> k.caseId().equals("t001"));
        openTheRunsResults();
        Button rerun = robot.lookup("#results-rerun-failing").queryAs(Button.class);
        waitFor(30, TimeUnit.SECONDS, () -> !rerun.isDisabled());
        assertThat(FxWait.read(() -> rerun.getTooltip().getText())).startsWith("Run the 28 cases that did not pass again, "
                + "on the routes this run used, against the workspace as it is now (Ctrl+Shift+R)");

        robot.clickOn(rerun);
        RunHeader again = secondRun();
        assertThat(again.config().routes()).containsExactly("offline");
        assertThat(keysOf(again)).containsExactlyInAnyOrderElementsOf(failing);
        assertThat(sinceThePreviousRun()).isEqualTo(
                "Since the previous run (28 of its 159 cases run again): 1 case now passes, 27 still fail");
        // Its gates are of those 28 cases, and the tab and the history's tooltip say so.
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#results-slice").queryAllAs(Label.class).stream().anyMatch(Label::isVisible));
        assertThat(FxWait.read(() -> robot.lookup("#results-slice").queryAllAs(Label.class).stream().filter(Label::isVisible)
                .findFirst().orElseThrow().getText())).isEqualTo("The gates judge only the cases this run chose: "
                        + "cases t001, t019, t031, t035, t036 and 23 more");
        ListView<?> list = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(30, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        assertThat(FxWait.read(() -> ((dev.evalbench.app.history.RunRow) list.getItems().get(0)).description(java.time.ZoneOffset.UTC)))
                .contains("\nchose: cases t001, t019, ");
        // Its row is marked as one in the list, before its facts: "FAIL 5" there is of those 28 cases.
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#history-list .run-kind").queryAllAs(Label.class).stream()
                .filter(Label::isVisible).map(Label::getText).toList().equals(List.of("slice")));
        // The new run's tab lists what it ran: the 28, not the workspace's 159.
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#results-table").queryAllAs(TableView.class).stream()
                .anyMatch(t -> t.isVisible() && t.getItems().size() == 28));
    }

    @Test
    void aCaseRunAgainFromTheTablesMenuRunsThatCaseAlone() throws Exception {
        firstRunWithT001Failing();
        openTheRunsResults();
        TableView<?> table = selectInTheResults(0, "t001");
        // The keyboard's way to the table's menu (a right click opens the same menu).
        robot.clickOn(FxWait.rowShowing(robot, "#results-table", 0));
        // The keys go where the focus is: to the table, once the click has put it there (a loaded CI run pressed
        // them a moment before).
        waitFor(10, TimeUnit.SECONDS, () -> table.isFocused() && table.getSelectionModel().getSelectedIndex() == 0);
        // Ctrl+C in the table: the case's id, for `run --case` (the menu's "Copy case id" does the same).
        robot.interact(() -> javafx.scene.input.Clipboard.getSystemClipboard().clear());
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        waitFor(5, TimeUnit.SECONDS, () -> "t001".equals(FxWait.read(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())));
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        FxWait.waitUntilShown(robot, "#results-rerun-selected", 10, TimeUnit.SECONDS);
        FxWait.waitUntilShown(robot, "#results-copy-id", 10, TimeUnit.SECONDS);
        assertThat(FxWait.read(() -> robot.lookup("#results-rerun-shown .label").queryAs(Label.class).getText()))
                .isEqualTo("Run the 159 cases shown again");
        robot.clickOn("#results-rerun-selected");
        RunHeader again = secondRun();
        assertThat(keysOf(again)).extracting(CaseKey::caseId).containsExactly("t001");
        assertThat(sinceThePreviousRun()).isEqualTo("Since the previous run (1 of its 159 cases run again): 1 case now passes");
    }

    /**
     * The label was what was wrong: from the failing case to its line in the dataset (the results' menu), mended there,
     * and the case run again from the results now passes.
     */
    @Test
    void aWrongLabelIsMendedFromTheFailingCaseAndTheCaseRunAgainPasses() throws Exception {
        firstRunWithT001Failing(false);
        openTheRunsResults();
        TableView<?> table = selectInTheResults(0, "t001");
        openTheTablesMenuOnTheFirstRow(table, "#results-edit-case");
        robot.clickOn("#results-edit-case");
        javafx.scene.control.TextArea text = robot.lookup("#case-edit-text").queryAs(javafx.scene.control.TextArea.class);
        waitFor(10, TimeUnit.SECONDS, () -> text.isVisible() && text.getText().contains("\"id\": \"t001\""));
        assertThat(FxWait.read(() -> selectedTab().getText())).isEqualTo("tickets.jsonl (cases)");
        robot.interact(() -> text.setText(text.getText().replace("\"category\": \"billing\"", "\"category\": \"bug\"")));
        robot.clickOn("#case-edit-save");
        Path tickets = fixture.workspace.resolve("datasets/tickets.jsonl");
        waitFor(10, TimeUnit.SECONDS, () -> Files.readString(tickets).contains(RIGHT));

        robot.interact(() -> fixture.workbench().window().tabs().getSelectionModel().select(0));
        openTheTablesMenuOnTheFirstRow(table, "#results-rerun-selected");
        robot.clickOn("#results-rerun-selected");
        assertThat(keysOf(secondRun())).extracting(CaseKey::caseId).containsExactly("t001");
        assertThat(sinceThePreviousRun()).isEqualTo("Since the previous run (1 of its 159 cases run again): 1 case now passes");
    }

    private void openTheTablesMenuOnTheFirstRow(TableView<?> table, String item) throws Exception {
        robot.clickOn(FxWait.rowShowing(robot, "#results-table", 0));
        waitFor(10, TimeUnit.SECONDS, () -> table.isFocused() && table.getSelectionModel().getSelectedIndex() == 0);
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        FxWait.waitUntilShown(robot, item, 10, TimeUnit.SECONDS);
    }

    /**
     * The loop from the keyboard: Ctrl+Shift+R with no results open says what it needs; from the template's tab,
     * where the author went from the results to fix the prompt, it runs the failing cases of the results tab shown
     * last.
     */
    @Test
    void ctrlShiftRFromTheTemplateRerunsTheFailingCasesOfTheResultsShownLast() throws Exception {
        List<CaseKey> failing = firstRunWithT001Failing();
        fixture.start();
        waitFor(20, TimeUnit.SECONDS, () -> treeCell("triage.yaml  r4") != null);
        Label status = robot.lookup("#status-message").queryAs(Label.class);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("No run's results are open"));

        openTheRunsResults();
        waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#results-rerun-failing").queryAs(Button.class).isDisabled());
        dev.evalbench.app.DoubleClick.opening(robot, () -> treeCell("triage.yaml  r4"), () -> "triage.yaml".equals(
                fixture.workbench().window().tabs().getSelectionModel().getSelectedItem().getText()));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(keysOf(secondRun())).containsExactlyInAnyOrderElementsOf(failing);
    }

    /**
     * From a failing case to the prompt: the template opened after selecting a case in the results previews that
     * case, and an open template follows the next case selected there (it previewed the suite's first case, t001).
     */
    @Test
    void theTemplatePreviewsTheCaseSelectedInTheResults() throws Exception {
        firstRunWithT001Failing();
        openTheRunsResults();
        TableView<?> table = selectInTheResults(18, "t019");
        dev.evalbench.app.DoubleClick.opening(robot, () -> treeCell("triage.yaml  r4"), () -> "triage.yaml".equals(
                fixture.workbench().window().tabs().getSelectionModel().getSelectedItem().getText()));
        javafx.scene.control.ComboBox<?> preview = robot.lookup("#preview-case").queryAs(javafx.scene.control.ComboBox.class);
        waitFor(10, TimeUnit.SECONDS, () -> preview.getValue() != null && preview.getValue().toString().equals("triage / t019"));
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#template-preview").queryTextInputControl().getText()
                .contains("The Apple Pay button does nothing on checkout."));

        robot.interact(() -> {
            fixture.workbench().window().tabs().getSelectionModel().select(0);
            table.getSelectionModel().select(30);
        });
        waitFor(10, TimeUnit.SECONDS, () -> preview.getValue().toString().equals("triage / t031"));
    }

    /**
     * An imported traffic run's cases are production's requests: its results tab does not offer to run them again
     * (the command line's --failing-of refuses them too), and says what to do instead.
     */
    @Test
    void aTrafficRunsResultsDoNotOfferToRunItsCasesAgain() throws Exception {
        firstRunWithT001Failing();
        assertThat(Cli.run("traffic", "import", fixture.workspace.resolve("traffic/control-small.jsonl").toString(),
                "-w", fixture.workspace.toString()).exit()).isZero();
        fixture.start();
        ListView<?> list = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(30, TimeUnit.SECONDS, () -> list.getItems().size() == 2 && fixture.workbench().session().workspace() != null);
        assertThat(FxWait.read(() -> ((dev.evalbench.app.history.RunRow) list.getItems().get(0)).kind())).isEqualTo("traffic");
        FxWait.waitUntilShown(robot, "#history-list .list-cell", 10, TimeUnit.SECONDS);
        robot.doubleClickOn(robot.lookup("#history-list .list-cell").nth(0).queryAs(Node.class));

        Button rerun = robot.lookup("#results-rerun-failing").queryAs(Button.class);
        waitFor(30, TimeUnit.SECONDS, () -> FxWait.read(() -> rerun.getTooltip().getText()).startsWith("A traffic run's"));
        assertThat(FxWait.read(() -> rerun.getTooltip().getText())).isEqualTo(
                "A traffic run's cases are production's requests, not the workspace's: replay them with evalbench shadow");
        assertThat(FxWait.read(rerun::isDisabled)).isTrue();
        // Disabled, and the reason shows where the user looks for it: hovering the button.
        robot.moveTo(rerun);
        assertThat(FxWait.tooltipShown("A traffic run's")).isEqualTo(
                "A traffic run's cases are production's requests, not the workspace's: replay them with evalbench shadow");
    }

    /** Once the results table lists every case, selects row {@code row}, which must be case {@code id}. */
    private TableView<?> selectInTheResults(int row, String id) throws Exception {
        TableView<?> table = robot.lookup("#results-table").queryAs(TableView.class);
        waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 159);
        robot.interact(() -> table.getSelectionModel().select(row));
        assertThat(FxWait.read(() -> ((CaseSummary) table.getSelectionModel().getSelectedItem()).key().caseId())).isEqualTo(id);
        return table;
    }

    /** The sample with t001's expected category wrong, run from the command line, then put right. */
    private List<CaseKey> firstRunWithT001Failing() throws Exception {
        return firstRunWithT001Failing(true);
    }

    /** As {@link #firstRunWithT001Failing()}; {@code putRight} false leaves the wrong category in the dataset. */
    private List<CaseKey> firstRunWithT001Failing(boolean putRight) throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        Path tickets = fixture.workspace.resolve("datasets/tickets.jsonl");
        String right = Files.readString(tickets);
        assertThat(right).contains(RIGHT);
        Files.writeString(tickets, right.replaceFirst(java.util.regex.Pattern.quote(RIGHT), WRONG));
        assertThat(Cli.run("run", "-w", fixture.workspace.toString(), "--quiet").exit()).isEqualTo(1);
        if (putRight) Files.writeString(tickets, right);
        try (RunStore store = history()) {
            String id = store.runs(1).get(0).id();
            return store.summaries(id).stream().filter(s -> !s.passed()).map(CaseSummary::key).toList();
        }
    }

    private void openTheRunsResults() throws Exception {
        if (fixture.stage == null) fixture.start();
        ListView<?> list = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(30, TimeUnit.SECONDS, () -> list.getItems().size() == 1 && fixture.workbench().session().workspace() != null);
        FxWait.waitUntilShown(robot, "#history-list .list-cell", 10, TimeUnit.SECONDS);
        robot.doubleClickOn(robot.lookup("#history-list .list-cell").nth(0).queryAs(Node.class));
    }

    /** Waits for the run started from the window to be stored complete, and returns its header. */
    private RunHeader secondRun() throws Exception {
        List<RunHeader> runs = new ArrayList<>();
        // Asked on this thread, not the FX thread: the store reads files.
        org.testfx.util.WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            try (RunStore store = history()) {
                runs.clear();
                runs.addAll(store.runs(5));
            }
            return runs.size() == 2 && runs.get(0).status() == dev.evalbench.core.record.RunStatus.COMPLETE;
        });
        return runs.get(0);
    }

    private List<CaseKey> keysOf(RunHeader run) throws Exception {
        try (RunStore store = history()) {
            return store.summaries(run.id()).stream().map(CaseSummary::key).toList();
        }
    }

    private RunStore history() throws Exception {
        return dev.evalbench.core.store.sqlite.SqliteRunStore.open(
                dev.evalbench.core.store.HistoryLocation.defaultDb(fixture.workspace));
    }

    /** The "since the previous run" line of the newest results tab, once shown. */
    private String sinceThePreviousRun() throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#results-since-previous").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && l.getText().startsWith("Since")));
        return FxWait.read(() -> robot.lookup("#results-since-previous").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && l.getText().startsWith("Since")).findFirst().orElseThrow().getText());
    }
}
