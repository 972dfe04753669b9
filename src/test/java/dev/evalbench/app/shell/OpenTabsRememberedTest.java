package dev.evalbench.app.shell;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.DoubleClick;
import dev.evalbench.app.FxWait;
import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;

/**
 * The tabs open when the app closes come back when it starts again on the same workspace, in their order and with
 * the same one selected: a template, a run's results, the comparison of two runs and the charts, opened as a
 * user opens them. A file or run gone meanwhile is skipped at once, and the status bar says so. The keys and the menu of tabs.
 */
@dev.evalbench.app.SharesFxToolkit
class OpenTabsRememberedTest extends WindowTestBase {
    @Test
    void aTemplateResultsAndAComparisonOpenAgainAsTheyWereLeft() throws Exception {
        startOnTheSampleWithTwoRuns();
        DoubleClick.opening(robot, () -> treeCell("triage.yaml  r4"), () -> titles().contains("triage.yaml"));
        DoubleClick.newestRun(robot);
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#results-compare-previous").tryQuery().isPresent());
        robot.clickOn("#results-compare-previous");
        waitFor(20, TimeUnit.SECONDS, () -> titles().size() == 3 && titles().get(2).startsWith("Compare "));
        // Both runs named with their dates, as the history names them (the second run said only its id).
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#compare-runs").queryAs(javafx.scene.control.Label.class).getText()
                .matches("First run: run \\S+ · [-0-9]+ [:0-9]+ +→ +second run: run \\S+ · [-0-9]+ [:0-9]+"));
        // The charts of the history too (they were not kept).
        robot.clickOn("#charts-button");
        waitFor(20, TimeUnit.SECONDS, () -> titles().size() == 4 && titles().get(3).equals("Charts"));
        List<String> before = titles();
        assertThat(before.get(1)).startsWith("Results ");
        // The template's tab selected when the app closes.
        robot.interact(() -> tabs().getSelectionModel().select(0));

        fixture.stop();
        // The settings are written on their own thread as the app stops: wait for them, as the next start would.
        waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(fixture.settings)
                && Files.readString(fixture.settings).contains("compare:"));
        fixture.start();

        waitFor(30, TimeUnit.SECONDS, () -> titles().equals(before));
        waitFor(10, TimeUnit.SECONDS,
                () -> "triage.yaml".equals(tabs().getSelectionModel().getSelectedItem().getText()));
        CodeArea editor = robot.lookup("#template-code").queryAs(CodeArea.class);
        waitFor(10, TimeUnit.SECONDS, () -> editor.getText().startsWith("id: triage"));

        // The keys of tabs work from anywhere, here the workspace tree: Ctrl+Tab steps on, Ctrl+Shift+Tab back
        // (wrapping), Ctrl+W closes the tab shown.
        robot.clickOn(treeCell("tickets.jsonl"));
        robot.push(KeyCode.CONTROL, KeyCode.TAB);
        waitFor(5, TimeUnit.SECONDS, () -> selectedTitle().equals(before.get(1)));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB);
        waitFor(5, TimeUnit.SECONDS, () -> selectedTitle().equals(before.get(3)));
        robot.push(KeyCode.CONTROL, KeyCode.W);
        waitFor(5, TimeUnit.SECONDS, () -> titles().equals(before.subList(0, 3)));

        // A tab's menu (right click on its title; the headless robot's right button asks for no menu, so the request
        // is sent as a right click sends it): Close other tabs leaves that one.
        javafx.scene.Node header = robot.lookup(".tab").match((javafx.scene.Node n) ->
                n.lookup(".tab-label") instanceof javafx.scene.control.Label l && l.getText().equals(before.get(1))).query();
        robot.interact(() -> {
            javafx.geometry.Bounds at = header.localToScreen(header.getBoundsInLocal());
            javafx.event.Event.fireEvent(header, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    at.getWidth() / 2, at.getHeight() / 2, at.getCenterX(), at.getCenterY(), false, null));
        });
        FxWait.waitUntilShown(robot, "#tab-close-others", 10, TimeUnit.SECONDS);
        robot.clickOn("#tab-close-others");
        waitFor(5, TimeUnit.SECONDS, () -> titles().equals(before.subList(1, 2)));
    }

    private String selectedTitle() {
        return FxWait.read(() -> tabs().getSelectionModel().getSelectedItem().getText());
    }

    @Test
    void aFileAndARunGoneSinceTheLastCloseAreSkippedAtOnceAndTheStatusBarSaysSo() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        String gone;
        try (SampleHistory history = SampleHistory.of(fixture.workspace)) {
            history.run();
            gone = history.run().id();
        }
        Files.writeString(fixture.workspace.resolve("schemas/spare.schema.json"), "{}");
        fixture.start();
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#history-list .list-cell").tryQuery().isPresent()
                && treeCell("triage.yaml  r4") != null);
        DoubleClick.opening(robot, () -> treeCell("spare.schema.json"), () -> titles().contains("spare.schema.json"));
        DoubleClick.newestRun(robot);
        DoubleClick.opening(robot, () -> treeCell("triage.yaml  r4"), () -> titles().contains("triage.yaml"));
        fixture.stop();
        waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(fixture.settings)
                && Files.readString(fixture.settings).contains("run:" + gone));
        // The run deleted from the history file itself, as another tool might (its cases left behind).
        Path historyFile = fixture.workspace.resolve(".evalbench/history.db");
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + historyFile);
             var sql = db.createStatement()) {
            sql.executeUpdate("DELETE FROM runs WHERE id = '" + gone + "'");
        }
        Files.delete(fixture.workspace.resolve("schemas/spare.schema.json"));
        fixture.start();
        // The template after the gone file and run opens once they are known gone, not after the 10 s a tab is
        // given to appear (the window is up within a few seconds; 8 s leaves room on a loaded machine).
        waitFor(8, TimeUnit.SECONDS, () -> titles().equals(List.of("triage.yaml")));
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(
                        () -> robot.lookup("#status-message").queryAs(javafx.scene.control.Label.class).getText())
                .contains("Run " + gone + ", open at the last close, is no longer in the history."));
    }

    @Test
    void openingAnotherWorkspaceClosesTheRunsAndFilesOfThePreviousOne() throws Exception {
        startOnTheSampleWithTwoRuns();
        // Another workspace, with a history of its own holding runs of the same ids (a copy).
        Path other = temp.resolve("other/support-triage");
        dev.evalbench.cli.Cli.copyTree(fixture.workspace, other);
        DoubleClick.newestRun(robot);
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#results-compare-previous").tryQuery().isPresent());
        robot.clickOn("#results-compare-previous");
        waitFor(20, TimeUnit.SECONDS, () -> titles().size() == 2 && titles().get(1).startsWith("Compare "));

        robot.interact(() -> fixture.workbench().session().open(other));
        waitFor(20, TimeUnit.SECONDS, () -> titles().isEmpty());
    }

    /** The window on a copy of the sample with two runs stored, once its tree and history are shown. */
    private void startOnTheSampleWithTwoRuns() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        try (SampleHistory history = SampleHistory.of(fixture.workspace)) {
            history.run();
            history.run();
        }
        fixture.start();
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#history-list .list-cell").tryQuery().isPresent()
                && treeCell("triage.yaml  r4") != null);
    }

    private javafx.scene.control.TabPane tabs() {
        return fixture.workbench().window().tabs();
    }

    private List<String> titles() {
        return FxWait.read(() -> tabs().getTabs().stream().map(Tab::getText).toList());
    }
}
