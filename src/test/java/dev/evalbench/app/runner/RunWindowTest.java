package dev.evalbench.app.runner;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import javafx.scene.Node;
import org.testfx.util.WaitForAsyncUtils;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.history.RunRow;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The real window runs the sample on its offline route whose answers take their scripted time: the counts move
 * in the run bar, the finished run opens its results with the gates, and a second run, cancelled, opens its tab
 * and is resumed from it. The safety suite is cut to its first {@value #CASES} probes in the test's copy: each answer takes
 * a quarter to half a second, and that is enough cases to see the counts move, cancel part way and resume.
 */
@dev.evalbench.app.SharesFxToolkit
class RunWindowTest extends WindowTestBase {
    private static final int CASES = 12;

    private String barText() {
        return LauncherDriving.barText(robot);
    }

    private void tick(String menu, String... names) {
        LauncherDriving.tick(robot, menu, names);
    }

    @Test
    void runWatchTheCountsMoveThenCancelASecondRunAndResumeItFromItsTab() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        Path probes = fixture.workspace.resolve("datasets/probes.jsonl");
        java.nio.file.Files.write(probes, java.nio.file.Files.readAllLines(probes).subList(0, CASES));
        fixture.start();
        waitFor(20, TimeUnit.SECONDS, () -> fixture.workbench().session().workspace() != null
                && !robot.lookup("#launcher-routes").queryAs(MenuButton.class).getItems().isEmpty());
        tick("#launcher-routes", "offline-live");
        tick("#launcher-suites", "safety");
        assertThat(robot.lookup("#launcher-routes").queryAs(MenuButton.class).getText()).isEqualTo("offline-live");
        // The cache's three modes are named as such, and its tooltip says what each does.
        assertThat(robot.lookup((javafx.scene.control.Label l) -> "cache".equals(l.getText())).queryAs(
                javafx.scene.control.Label.class).getLabelFor()).isSameAs(robot.lookup("#launcher-cache").query());
        assertThat(robot.lookup("#launcher-cache").queryAs(javafx.scene.control.ChoiceBox.class).getTooltip().getText())
                .contains("read-write answers from it and stores fresh answers")
                .contains("off asks the model every time");
        // With the label, the whole tool bar still fits a 1,280-px window: nothing is hidden behind its "»" menu.
        robot.interact(() -> fixture.stage.setWidth(1280));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxWait.read(() -> robot.lookup(".tool-bar-overflow-button").match(Node::isVisible).tryQuery()))
                .isEmpty();
        @SuppressWarnings("unchecked")
        Spinner<Integer> concurrency = robot.lookup("#launcher-concurrency").queryAs(Spinner.class);
        // Two at a time: the counts move in several steps, and the second run is slow enough to cancel part way.
        robot.interact(() -> concurrency.getValueFactory().setValue(2));

        robot.clickOn("#launcher-run");
        Set<String> seen = new LinkedHashSet<>();
        // The runs list's row of the run counts its stored cases as it goes, as the run bar does (it said 0 to the end).
        @SuppressWarnings("unchecked")
        ListView<RunRow> rows = robot.lookup("#history-list").queryAs(ListView.class);
        Set<Integer> storedWhileRunning = new java.util.TreeSet<>();
        waitFor(60, TimeUnit.SECONDS, () -> {
            if (robot.lookup("#run-bar-text").tryQuery().isPresent()) seen.add(barText());
            rows.getItems().stream().filter(r -> r.header().status() == dev.evalbench.core.record.RunStatus.RUNNING)
                    .forEach(r -> storedWhileRunning.add(r.casesStored()));
            return barText().contains("complete:");
        });
        assertThat(storedWhileRunning).as("stored counts the running row showed").anyMatch(n -> n > 0 && n < CASES);
        assertThat(seen.stream().filter(t -> t.contains("offline-live: pass")).count()).as("distinct counts seen: %s", seen).isGreaterThan(2);
        assertThat(barText()).contains("complete: " + CASES + " / " + CASES + "  offline-live: pass");

        // The finished run opens its results and gates without another click.
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#results-table").tryQuery().isPresent()
                && robot.lookup("#results-table").queryAs(TableView.class).getItems().size() == CASES
                && !robot.lookup("#gates-table").queryAs(TableView.class).getItems().isEmpty());
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#gates-headline").queryAs(Label.class).getText()
                .matches("(PASSED|FAILED): .*"));
        // The runs list selects the run shown, so that Tag main and the buttons beside it act on it.
        String shown = FxWait.read(() -> ((dev.evalbench.app.results.ResultsView) selectedTab().getContent()).viewModel().runId());
        @SuppressWarnings("unchecked")
        ListView<RunRow> runs = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(10, TimeUnit.SECONDS, () -> runs.getSelectionModel().getSelectedItem() != null
                && runs.getSelectionModel().getSelectedItem().id().equals(shown));

        Button cancel = robot.lookup("#run-cancel").queryAs(Button.class);
        assertThat(FxWait.read(cancel::isVisible)).as("a finished run has nothing to cancel").isFalse();

        robot.clickOn("#history-search").push(KeyCode.CONTROL, KeyCode.R);
        waitFor(30, TimeUnit.SECONDS, () -> barText().matches("run \\S+: [2-9] / " + CASES + " .*"));
        // While it goes, the counts beside it do not squeeze the button to "…".
        waitFor(5, TimeUnit.SECONDS, () -> cancel.isVisible() && dev.evalbench.app.DrawnWhole.of(cancel));
        // Cancelled from the keyboard, as the Cancel button does (F1 lists the key).
        robot.push(KeyCode.CONTROL, KeyCode.PERIOD);
        waitFor(30, TimeUnit.SECONDS, () -> barText().contains("cancelled"));
        assertThat(FxWait.read(cancel::isVisible)).isFalse();
        // Nor does a long status line squeeze the progress bar away (a warning left it no width at all).
        robot.interact(() -> fixture.workbench().window().status("Warning: " + "a long line of the status bar ".repeat(8)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxWait.read(() -> robot.lookup("#run-bar .progress-bar").queryAs(Node.class).getLayoutBounds().getWidth()))
                .isGreaterThanOrEqualTo(160);
        // Nor the counts to "...": the status line gives way (the theme's button beside them left them none).
        waitFor(5, TimeUnit.SECONDS, () -> dev.evalbench.app.DrawnWhole.of(robot.lookup("#run-bar-text").queryAs(Label.class)));

        @SuppressWarnings("unchecked")
        ListView<RunRow> history = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(30, TimeUnit.SECONDS, () -> history.getItems().size() == 2 && history.getItems().get(0).resumable());
        RunRow incomplete = history.getItems().get(0);
        assertThat(incomplete.casesStored()).isLessThan(CASES);
        // The cancelled run opens its results, as a finished one does (the run bar said "resume it from the history",
        // where the reader had to find its row): a tab of its own, the complete run's left open beside it.
        waitFor(30, TimeUnit.SECONDS, () -> ("results-tab-" + incomplete.id()).equals(selectedTab().getId())
                && shownHeadline().startsWith("INCOMPLETE"));
        assertThat(barText()).contains(": cancelled (Resume is in its results tab): ");
        assertThat(FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream()
                .anyMatch(t -> ("results-tab-" + shown).equals(t.getId())))).as("the complete run's tab").isTrue();
        // Its results read while it is incomplete, then resumed: the tab is read again once it finishes, not left
        // saying "INCOMPLETE" over the cases it had then.
        // The tab resumes it as the history's row does (its Resume is offered for the row selected).
        assertThat(FxWait.read(() -> robot.lookup("#history-resume").queryAs(Button.class).isDisabled())).isFalse();
        Node resume = FxWait.read(() -> ((Node) selectedTab().getContent()).lookup("#results-resume"));
        assertThat(FxWait.read(resume::isVisible)).isTrue();
        robot.clickOn(resume);
        waitFor(60, TimeUnit.SECONDS, () -> barText().contains("complete: " + CASES + " / " + CASES));
        waitFor(30, TimeUnit.SECONDS, () -> {
            javafx.scene.control.Tab tab = selectedTab();
            return ("results-tab-" + incomplete.id()).equals(tab.getId())
                    && ((dev.evalbench.app.results.ResultsView) tab.getContent()).table().getItems().size() == CASES
                    && shownHeadline().matches("(PASSED|FAILED): .*");
        });
        assertThat(FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream()
                .filter(t -> ("results-tab-" + incomplete.id()).equals(t.getId())).count())).isEqualTo(1);
        assertThat(FxWait.read(() -> ((Node) selectedTab().getContent()).lookup("#results-resume").isVisible()))
                .as("a complete run has nothing to resume").isFalse();
        assertThat(FxWait.read(() -> robot.lookup("#status-message").queryAs(Label.class).getText()))
                .as("the line that said to resume it is gone once it is resumed").doesNotContain("cancelled");
        waitFor(30, TimeUnit.SECONDS, () -> history.getItems().size() == 2
                && history.getItems().stream().allMatch(r -> r.status().equals("complete")));
        assertThat(history.getItems()).extracting(RunRow::id).contains(incomplete.id());
    }

    /**
     * Run again with the same cases and routes (the author's edit, run, read loop), the new run takes the last one's
     * results tab, in its place among the tabs and in front; the history keeps both runs. A run of other cases opens
     * a tab of its own.
     */
    @Test
    void aRerunTakesItsRunsResultsTabInItsPlace() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        for (String dataset : java.util.List.of("datasets/probes.jsonl", "datasets/tickets.jsonl")) {
            Path file = fixture.workspace.resolve(dataset);
            java.nio.file.Files.write(file, java.nio.file.Files.readAllLines(file).subList(0, 4));
        }
        fixture.start();
        waitFor(20, TimeUnit.SECONDS, () -> fixture.workbench().session().workspace() != null
                && !robot.lookup("#launcher-routes").queryAs(MenuButton.class).getItems().isEmpty());
        robot.push(KeyCode.CONTROL, KeyCode.R);
        waitFor(60, TimeUnit.SECONDS, () -> resultsTabIds().size() == 1);
        String first = resultsTabIds().get(0);
        dev.evalbench.app.DoubleClick.opening(robot, () -> treeCell("triage.yaml  r4"), () -> titles().contains("triage.yaml"));
        assertThat(titles()).hasSize(2).last().isEqualTo("triage.yaml");

        robot.push(KeyCode.CONTROL, KeyCode.R);
        waitFor(60, TimeUnit.SECONDS, () -> !resultsTabIds().equals(java.util.List.of(first)));
        assertThat(resultsTabIds()).hasSize(1).doesNotContain(first);
        assertThat(titles()).as("the rerun's tab where its run's was").hasSize(2).last().isEqualTo("triage.yaml");
        assertThat(FxWait.read(() -> selectedTab().getId())).isEqualTo(resultsTabIds().get(0));
        @SuppressWarnings("unchecked")
        ListView<RunRow> history = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(30, TimeUnit.SECONDS, () -> history.getItems().size() == 2);

        tick("#launcher-suites", "safety");
        robot.push(KeyCode.CONTROL, KeyCode.R);
        waitFor(60, TimeUnit.SECONDS, () -> resultsTabIds().size() == 2);
    }

    /**
     * A run whose route never answers (its server down) opens its results tab as a finished run does: the headline
     * says no case got an answer, a case says why under its verdict, and Resume is there. It opened nothing, and a
     * status line cut to "Run 20261206-021658-fa…" beside the run bar said to find the run in the history.
     */
    @Test
    void aRunOfARouteThatNeverAnswersOpensItsResultsWithTheOutageAndResume() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        fixture.start(dev.evalbench.app.SampleHistory.addRouteDown(fixture.workspace));
        waitFor(20, TimeUnit.SECONDS, () -> fixture.workbench().session().workspace() != null
                && !robot.lookup("#launcher-routes").queryAs(MenuButton.class).getItems().isEmpty());
        tick("#launcher-routes", "down");
        tick("#launcher-suites", "safety");
        robot.push(KeyCode.CONTROL, KeyCode.R);

        waitFor(60, TimeUnit.SECONDS,
                () -> barText().contains("incomplete, no answer from the model (Resume is in its results tab)"));
        waitFor(30, TimeUnit.SECONDS, () -> resultsTabIds().size() == 1 && resultsTabIds().get(0).equals(selectedTab().getId())
                && shownHeadline().equals("INCOMPLETE: no answer from the model. Resume once the route answers"));
        assertThat(FxWait.read(() -> ((Node) selectedTab().getContent()).lookup("#results-resume").isVisible())).isTrue();
        assertThat(FxWait.read(() -> robot.lookup("#status-message").queryAs(Label.class).getText())).isEmpty();
        // The runs list tells it from a run someone stopped ("incomplete").
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#history-list .run-verdict")
                .match((Label l) -> "no answer".equals(l.getText())).tryQuery().isPresent());
        TableView<?> cases = FxWait.read(() -> ((dev.evalbench.app.results.ResultsView) selectedTab().getContent()).table());
        waitFor(10, TimeUnit.SECONDS, () -> cases.getItems().size() == 32);
        robot.interact(() -> cases.getSelectionModel().select(0));
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#detail-failures").tryQuery()
                .map(n -> ((Label) n).getText()).filter(t -> t.contains("• Why no answer: attempt 1 on route down: CONNECTION"))
                .isPresent());
    }

    /**
     * A run the breaker kept every case from (its route down, the breaker open after two refused connections, each
     * case's retry not sent) stores no case: its empty table says so. It said "No case matches the filter." with no
     * filter set.
     */
    @Test
    void aRunThatStoredNoCaseSaysSoWhereItsCasesWouldBe() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        int closed;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        java.nio.file.Files.writeString(fixture.workspace.resolve("routes.yaml"), "  gone:\n    provider: openai\n"
                + "    base_url: http://127.0.0.1:" + closed + "/v1\n    model: m\n    api_key_env: GONE_KEY\n"
                + "    retries: {max_attempts: 3, base_delay_ms: 1, max_delay_ms: 1}\n"
                + "    breaker: {window: 2, min_calls: 2, error_rate: 0.5, open_ms: 600000}\n",
                java.nio.file.StandardOpenOption.APPEND);
        fixture.start(java.util.Map.of("GONE_KEY", "not-a-secret"));
        waitFor(20, TimeUnit.SECONDS, () -> fixture.workbench().session().workspace() != null
                && !robot.lookup("#launcher-routes").queryAs(MenuButton.class).getItems().isEmpty());
        tick("#launcher-routes", "gone");
        tick("#launcher-suites", "safety");
        robot.push(KeyCode.CONTROL, KeyCode.R);

        waitFor(60, TimeUnit.SECONDS, () -> resultsTabIds().size() == 1 && resultsTabIds().get(0).equals(selectedTab().getId())
                && shownHeadline().startsWith("INCOMPLETE: "));
        Label empty = FxWait.read(() -> (Label) ((Node) selectedTab().getContent()).lookup("#results-empty"));
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> empty.isVisible()
                && "This run stored no case: the gates above say why.".equals(empty.getText())));
    }

    /**
     * Ctrl+R on a workspace with a problem is refused in the status line; once the file is fixed the refusal goes.
     * It stayed, "The workspace has problems: fix them before running", beside "Problems (0)".
     */
    @Test
    void aRefusalForTheWorkspacesProblemsGoesOnceTheyAreFixed() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        fixture.start();
        waitFor(20, TimeUnit.SECONDS, () -> fixture.workbench().session().workspace() != null);
        Path gates = fixture.workspace.resolve("gates.yaml");
        String good = java.nio.file.Files.readString(gates);
        java.nio.file.Files.writeString(gates, good.replace("min: 0.85", "min: zero"));
        waitFor(20, TimeUnit.SECONDS, () -> !fixture.workbench().session().problems().isEmpty());
        robot.push(KeyCode.CONTROL, KeyCode.R);
        waitFor(5, TimeUnit.SECONDS, () -> statusLine().startsWith("The workspace has problems"));

        java.nio.file.Files.writeString(gates, good);
        waitFor(20, TimeUnit.SECONDS, () -> fixture.workbench().session().problems().isEmpty()
                && fixture.workbench().session().workspace() != null);
        waitFor(5, TimeUnit.SECONDS, () -> statusLine().isEmpty());
    }

    private String statusLine() {
        return FxWait.read(() -> robot.lookup("#status-message").queryAs(Label.class).getText());
    }

    /** The gates' headline of the results tab shown (each results tab has one). FX thread. */
    private String shownHeadline() {
        Node headline = ((Node) selectedTab().getContent()).lookup("#gates-headline");
        return headline == null ? "" : ((Label) headline).getText();
    }

    private java.util.List<String> resultsTabIds() {
        return FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream().map(javafx.scene.control.Tab::getId)
                .filter(id -> id != null && id.startsWith("results-tab-")).toList());
    }

    private java.util.List<String> titles() {
        return FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream()
                .map(javafx.scene.control.Tab::getText).toList());
    }

    /**
     * A workspace whose history file is no history: the runs column says so whole (it was cut to "Cannot read the
     * history: ..." under "No runs yet: Ctrl+R runs the workspace."), and Ctrl+R, refused by the history, says why
     * without pushing the window wider than the screen (the reason's path and paragraph in the run bar hid the
     * detail pane past the window's right edge).
     */
    @Test
    void aHistoryFileThatIsNoHistoryIsSaidWholeAndARunItRefusesKeepsTheWindowInItsWidth() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        Path db = java.nio.file.Files.createDirectories(fixture.workspace.resolve(".evalbench")).resolve("history.db");
        java.nio.file.Files.writeString(db, "not a history ".repeat(300));
        fixture.start();

        Label problem = robot.lookup("#history-problem").queryAs(Label.class);
        waitFor(20, TimeUnit.SECONDS, () -> problem.getText().startsWith("Cannot read the history: "));
        // In the window's words: no command-line flag to reach for here.
        assertThat(problem.getText()).contains(db.toString()).contains("not a run history").doesNotContain("--db");
        waitFor(5, TimeUnit.SECONDS, () -> dev.evalbench.app.DrawnWhole.of(problem));
        assertThat(FxWait.read(() -> robot.lookup("#history-empty").queryAs(Label.class).getText()))
                .isEqualTo("No runs to list: the history could not be read (below).");

        waitFor(20, TimeUnit.SECONDS, () -> fixture.workbench().session().workspace() != null);
        robot.push(KeyCode.CONTROL, KeyCode.R);
        waitFor(30, TimeUnit.SECONDS, () -> barText().startsWith("run …: failed: ") && barText().contains("not a run history"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Scene scene = robot.lookup("#run-bar").queryAs(Node.class).getScene();
        assertThat(FxWait.read(() -> scene.getRoot().minWidth(-1))).as("the window's narrowest layout")
                .isLessThanOrEqualTo(FxWait.read(scene::getWidth));
        Node detail = robot.lookup("#detail-pane").queryAs(Node.class);
        assertThat(FxWait.read(() -> detail.localToScene(detail.getLayoutBounds()).getMaxX()))
                .as("the detail pane's right edge").isLessThanOrEqualTo(FxWait.read(scene::getWidth) + 1);
        assertThat(FxWait.read(() -> robot.lookup("#status-message").queryAs(Label.class).getText()))
                .startsWith("The run failed: ").contains("not a run history");
    }
}
