package dev.evalbench.app.compare;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.DrawnWhole;
import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.history.RunRow;
import dev.evalbench.core.compare.ReviewCase;
import dev.evalbench.core.compare.ReviewStatus;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The reviewer's loop in the real window: the sample's latest run (prompt revision 5) against its baseline
 * (revision 4, tagged main), opened from the history with one click.
 */
@dev.evalbench.app.SharesFxToolkit
class CompareWindowTest extends WindowTestBase {
    private ReviewRuns runs;

    @BeforeEach
    void twoRunsThenStart() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        runs = ReviewRuns.make(fixture.workspace);
        fixture.start();
    }

    @SuppressWarnings("unchecked")
    private TableView<ReviewCase> cases() {
        return (TableView<ReviewCase>) robot.lookup("#compare-table").queryAs(TableView.class);
    }

    private String text(String id) {
        return FxWait.read(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void compareAsksWhichTwoRunsInADialogThatShowsItsWordsWholeAndOpensThePair() throws Exception {
        @SuppressWarnings("unchecked")
        ListView<RunRow> history = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(20, TimeUnit.SECONDS, () -> history.getItems().size() == 2
                && history.getItems().stream().allMatch(r -> r.gates() != null));
        robot.clickOn("#compare-pick");
        // The labels and the chosen runs are drawn in full: nothing ends in "…".
        // (The line shown when both sides name the same run is hidden: not drawn at all.)
        waitFor(10, TimeUnit.SECONDS, () -> !labels("#pick-runs .label").isEmpty()
                && labels("#pick-runs .label").stream().filter(Node::isVisible).allMatch(DrawnWhole::of)
                && labels("#pick-first .list-cell").stream().allMatch(DrawnWhole::of));
        assertThat(FxWait.read(() -> labels("#pick-runs .label").stream().map(Labeled::getText).toList()))
                .contains("First run (baseline side)", "Second run");
        // Each run with its gate summary, as the runs list says it.
        String firstRun = FxWait.read(() -> String.valueOf(robot.lookup("#pick-first").queryAs(ComboBox.class).getValue()));
        assertThat(firstRun).contains("[main]").endsWith(" · " + history.getItems().get(1).gates());
        assertThat(FxWait.read(() -> String.valueOf(robot.lookup("#pick-second").queryAs(ComboBox.class).getValue())))
                .endsWith(" · " + history.getItems().get(0).gates());
        robot.clickOn(robot.lookup("#pick-runs .button").match((Button b) -> "OK".equals(b.getText()))
                .queryAs(Node.class));
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-table").tryQuery().isPresent()
                && !cases().getItems().isEmpty());
        // The case list's column titles are drawn whole ("Second run", "Reviewed"; the table scrolls sideways), and
        // so are the filter bar's answers (how many cases it shows, what is left to review) and its boxes' words.
        waitFor(10, TimeUnit.SECONDS, () -> !labels("#compare-table .column-header .label").isEmpty()
                && labels("#compare-table .column-header .label").stream().allMatch(DrawnWhole::of)
                && labels("#compare-remaining").stream().allMatch(l -> !l.getText().isEmpty() && DrawnWhole.of(l))
                && filterBarReadsWhole());

        // In a narrower window the boxes give way down to their words, and the answers stay whole and in view.
        robot.interact(() -> fixture.stage.setWidth(NARROW));
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(10, TimeUnit.SECONDS, this::filterBarReadsWhole);

        // In the dark theme the two outputs are drawn on the theme's dark ground (RichTextFX painted them white, under
        // the theme's light text), and back.
        StyleClassedTextArea after = robot.lookup("#compare-output-after").queryAs(StyleClassedTextArea.class);
        waitFor(10, TimeUnit.SECONDS, () -> after.getLength() > 0 && brightness(after) > 0.8);
        String light = javafx.application.Application.getUserAgentStylesheet();
        try {
            robot.clickOn("#theme-switch");
            waitFor(5, TimeUnit.SECONDS, () -> brightness(after) < 0.3
                    && brightness(robot.lookup("#compare-output-before").queryAs(StyleClassedTextArea.class)) < 0.3);
        } finally {
            // The style sheet is the toolkit's, shared with the tests after this one.
            robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(light));
        }
    }

    /**
     * Stores, while the window is open, the sample's control traffic, then the captures {@code alsoImported}, then a
     * shadow run of the control on the offline route; returns the control's id and the shadow's.
     */
    private String[] trafficThenItsShadow(String... alsoImported) throws Exception {
        try (dev.evalbench.app.SampleHistory sample = dev.evalbench.app.SampleHistory.of(fixture.workspace)) {
            var control = sample.importTraffic("control.jsonl");
            for (String capture : alsoImported) sample.importTraffic(capture);
            return new String[] {control.id(), sample.shadow(control).id()};
        }
    }

    /** A shadow run stored while the window is open: the dialog offers it with the traffic it replayed. */
    @Test
    void theDialogOffersTheNewestRunWithTheRunItIsReadWith() throws Exception {
        String[] stored = trafficThenItsShadow("canary-shifted.jsonl");
        String traffic = stored[0];
        String shadow = stored[1];
        robot.clickOn("#compare-pick");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#pick-second").tryQuery().isPresent());
        assertThat(FxWait.read(() -> String.valueOf(robot.lookup("#pick-first").queryAs(ComboBox.class).getValue())))
                .startsWith("run " + traffic + " ").contains(" · traffic");
        assertThat(FxWait.read(() -> String.valueOf(robot.lookup("#pick-second").queryAs(ComboBox.class).getValue())))
                .startsWith("run " + shadow + " ").contains(" · shadow");
        robot.clickOn(robot.lookup("#pick-runs .button").match((Button b) -> "Cancel".equals(b.getText())).queryAs(Node.class));
    }

    /**
     * A shadow run's baseline is the traffic it replayed: "Compare with baseline" compared it with main's eval run,
     * "159 only in the first run, 500 only in the second".
     */
    @Test
    void aShadowRunsBaselineIsTheTrafficItReplayed() throws Exception {
        String[] stored = trafficThenItsShadow();
        String traffic = stored[0];
        String shadow = stored[1];
        @SuppressWarnings("unchecked")
        ListView<RunRow> history = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(20, TimeUnit.SECONDS, () -> history.getItems().stream().anyMatch(r -> r.id().equals(shadow)));
        robot.interact(() -> history.getSelectionModel().select(
                history.getItems().stream().filter(r -> r.id().equals(shadow)).findFirst().orElseThrow()));
        robot.clickOn("#history-compare-baseline");

        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-runs").tryQuery().isPresent()
                && text("#compare-runs").startsWith("First run: run " + traffic + " "));
        assertThat(text("#compare-runs")).contains("second run: run " + shadow + " ");
    }

    /**
     * On a laptop's 1280 x 720 the case list keeps at least three rows under its movements and filter, the gates
     * scrolling in the space left above it: with nine gate rows and two lines of movements it kept none.
     */
    @Test
    void aShortWindowKeepsThreeRowsOfTheCaseList() throws Exception {
        robot.interact(() -> {
            fixture.stage.setWidth(1280);
            fixture.stage.setHeight(720);
        });
        compareLatestWithBaseline();
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-table").tryQuery().isPresent()
                && cases().getItems().size() == 159
                && robot.lookup("#compare-gates").queryAs(TableView.class).getItems().size() == 9);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // the dividers move once the gates are in
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ReviewCase> table = cases();
        Node header = FxWait.read(() -> table.lookup(".column-header-background"));
        double rowsRoom = FxWait.read(() -> table.getHeight() - header.getLayoutBounds().getHeight());
        assertThat(rowsRoom).as("the room for rows under the table's header").isGreaterThanOrEqualTo(3 * CompareView.ROW_HEIGHT);
        Node pair = robot.lookup("#compare-case-scroll").query();
        assertThat(FxWait.read(() -> pair.getLayoutBounds().getHeight())).as("the selected case keeps its room")
                .isGreaterThan(90);
    }

    /** How bright a region's background is drawn, 0 (black) to 1 (white); -1 when it has no plain colour. */
    private static double brightness(javafx.scene.layout.Region region) {
        var fills = region.getBackground() == null ? java.util.List.<javafx.scene.layout.BackgroundFill>of()
                : region.getBackground().getFills();
        return fills.isEmpty() || !(fills.get(0).getFill() instanceof javafx.scene.paint.Color c) ? -1 : c.getBrightness();
    }

    /**
     * A reviewer attaches the comparison's report to the pull request from the comparison itself: its "Export
     * report…" opens the second run's export set to compare with the first run (not with whatever main names), and
     * the report written says so.
     */
    @Test
    void aComparisonExportsTheSecondRunsReportAgainstTheFirst() throws Exception {
        compareLatestWithBaseline();
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-export-report").tryQuery().isPresent());
        waitFor(5, TimeUnit.SECONDS, () -> DrawnWhole.of(robot.lookup("#compare-export-report").queryAs(Button.class)));

        robot.clickOn("#compare-export-report");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#export-view").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<dev.evalbench.app.reports.ExportViewModel.Baseline> baseline = robot.lookup("#export-baseline").queryAs(ComboBox.class);
        waitFor(10, TimeUnit.SECONDS, () -> baseline.getValue() != null && runs.baseline.id().equals(baseline.getValue().ref()));
        // Dated as the history dates runs, to the second; its tags named (the baseline here is tagged main).
        assertThat(baseline.getValue().label()).matches("run \\S+ \\[main] · \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(FxWait.read(() -> fixture.workbench().window().tabs().getSelectionModel().getSelectedItem().getText()))
                .matches("Report · run (\\S+) vs (\\S+)")
                .satisfies(t -> assertThat(runs.latest.id()).startsWith(t.split(" ")[3]))
                .satisfies(t -> assertThat(runs.baseline.id()).startsWith(t.split(" ")[5]));

        java.nio.file.Path out = temp.resolve("pr-report");
        robot.interact(() -> robot.lookup("#export-folder").queryAs(javafx.scene.control.TextField.class).setText(out.toString()));
        robot.clickOn("#export-run");
        waitFor(60, TimeUnit.SECONDS, () -> java.nio.file.Files.isRegularFile(out.resolve("report.json"))
                && !text("#export-outcome").isEmpty());
        com.fasterxml.jackson.databind.JsonNode report = dev.evalbench.core.json.Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertThat(report.path("run").path("header").path("id").asText()).isEqualTo(runs.latest.id());
        assertThat(report.path("baseline").path("run_id").asText()).isEqualTo(runs.baseline.id());
    }

    /**
     * A window in which the comparison's filter bar has less room than it asks for (every box as wide as its
     * values, up to its cap: 979 px), and more than its boxes' words need (784 px).
     */
    private static final double NARROW = 1120;

    /**
     * The comparison's filter bar reads whole: each box's words (its prompt, or the value chosen) and how many
     * cases it shows, inside the window.
     */
    private boolean filterBarReadsWhole() {
        double window = robot.lookup("#compare-count").queryAs(Node.class).getScene().getWidth();
        return labels("#compare-count").stream().allMatch(l -> l.getText().endsWith(" cases") && DrawnWhole.of(l)
                        && l.localToScene(l.getLayoutBounds()).getMaxX() <= window + 0.5)
                && java.util.stream.Stream.of("status", "verdict", "suite", "tag", "kind")
                        .map(id -> labels("#compare-" + id + " .list-cell").stream()
                                .filter(l -> l.getText() != null).toList())
                        .allMatch(cells -> cells.size() == 1 && DrawnWhole.of(cells.get(0)));
    }

    /** Selects the newest run in the history (the latest) and compares it with the run tagged main. */
    private void compareLatestWithBaseline() throws Exception {
        @SuppressWarnings("unchecked")
        ListView<RunRow> history = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(20, TimeUnit.SECONDS, () -> history.getItems().size() == 2);
        FxWait.waitUntilShown(robot, "#history-list .list-cell", 10, TimeUnit.SECONDS);
        robot.clickOn(robot.lookup("#history-list .list-cell").nth(0).queryAs(Node.class));
        assertThat(history.getSelectionModel().getSelectedItem().id()).isEqualTo(runs.latest.id());
        robot.clickOn("#history-compare-baseline");
    }

    private java.util.Set<Labeled> labels(String query) {
        return robot.lookup(query).queryAllAs(Labeled.class);
    }

    @Test
    void latestAgainstBaselineOpensOnTheFirstRegressionAndJWalksThemWithTheChangedFieldMarked() throws Exception {
        compareLatestWithBaseline();

        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-table").tryQuery().isPresent()
                && cases().getItems().size() == 159 && cases().getSelectionModel().getSelectedItem() != null);
        TableView<ReviewCase> table = cases();
        WaitForAsyncUtils.waitForFxEvents();
        ReviewCase first = table.getSelectionModel().getSelectedItem();
        assertThat(table.getItems().get(0)).isSameAs(first);
        assertThat(first.status()).isEqualTo(ReviewStatus.REGRESSED);
        assertThat(table.getItems().subList(0, ReviewRuns.REGRESSIONS)).allMatch(ReviewCase::regressed);
        assertThat(text("#compare-headline")).startsWith(ReviewRuns.REGRESSIONS + " regressed · 0 improved");
        assertThat(text("#compare-remaining")).isEqualTo("18 of 18 regressions left to review");
        // Each filter box says what it filters while nothing is chosen in it.
        for (String[] box : new String[][] {{"#compare-status", "Status"}, {"#compare-verdict", "Verdict"},
                {"#compare-suite", "Suite"}, {"#compare-tag", "Tag"}, {"#compare-kind", "Failure"}}) {
            assertThat(robot.lookup(box[0]).queryAs(javafx.scene.control.ComboBox.class).getButtonCell().getText()).isEqualTo(box[1]);
        }
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#compare-table .table-cell").queryAllAs(javafx.scene.control.TableCell.class)
                .stream().map(c -> String.valueOf(c.getText())).toList().containsAll(java.util.List.of("regressed", "pass", "FAIL")));

        // The selected case's outputs: the changed field named and its line marked in the second run's pane.
        waitFor(10, TimeUnit.SECONDS, () -> text("#compare-case-title").startsWith(first.key()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#compare-changed-fields")).isEqualTo("Changed fields: order_id");
        StyleClassedTextArea after = robot.lookup("#compare-output-after").queryAs(StyleClassedTextArea.class);
        int line = lineContaining(after, "\"order_id\"");
        assertThat(after.getParagraph(line).getParagraphStyle()).contains("line-changed");
        assertThat(after.getStyleAtPosition(line, after.getParagraph(line).length() - 2)).contains("word-changed");
        assertThat(after.getParagraph(line).getText()).contains("ORD-");
        StyleClassedTextArea before = robot.lookup("#compare-output-before").queryAs(StyleClassedTextArea.class);
        assertThat(before.getParagraph(line).getText()).contains("\"order_id\": null");
        assertThat(before.getParagraph(0).getParagraphStyle()).doesNotContain("line-changed");
        // In the default window the two outputs keep room to be read, down to the changed line (they were squeezed
        // to their scroll bars under the case's input and numbers); the case's pane scrolls for the rest.
        waitFor(5, TimeUnit.SECONDS, () -> after.getHeight() >= 100 && before.getHeight() >= 100);
        assertThat(line).as("the changed line is among those shown")
                .isLessThan(FxWait.read(() -> after.getVisibleParagraphs().size()));

        // J: the next regression; M marks it reviewed and the count goes down.
        robot.push(KeyCode.J);
        waitFor(10, TimeUnit.SECONDS, () -> table.getSelectionModel().getSelectedIndex() == 1);
        ReviewCase second = table.getSelectionModel().getSelectedItem();
        assertThat(second.status()).isEqualTo(ReviewStatus.REGRESSED);
        waitFor(10, TimeUnit.SECONDS, () -> text("#compare-case-title").startsWith(second.key()));
        robot.push(KeyCode.M);
        assertThat(text("#compare-remaining")).isEqualTo("17 of 18 regressions left to review");
        robot.push(KeyCode.K);
        waitFor(10, TimeUnit.SECONDS, () -> table.getSelectionModel().getSelectedIndex() == 0);

        // I: the case's whole input, its ticket below the prompt's preamble in sight; kept as J moves on; I again:
        // its first lines.
        javafx.scene.control.ScrollPane inputBox =
                robot.lookup("#compare-input-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        Label input = robot.lookup("#compare-input").queryAs(Label.class);
        assertThat(FxWait.read(() -> inputBox.getViewportBounds().getHeight())).isLessThan(FxWait.read(input::getHeight) / 2);
        robot.push(KeyCode.I);
        waitFor(5, TimeUnit.SECONDS, () -> inputBox.getViewportBounds().getHeight() >= input.getHeight() - 1);
        assertThat(FxWait.read(() -> robot.lookup("#compare-whole-input").queryAs(Labeled.class).getText()))
                .isEqualTo("Show the input's first lines (I)");
        robot.push(KeyCode.J);
        waitFor(10, TimeUnit.SECONDS, () -> text("#compare-case-title").startsWith(second.key()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxWait.read(() -> inputBox.getViewportBounds().getHeight() >= input.getHeight() - 1)).isTrue();
        robot.push(KeyCode.I);
        waitFor(5, TimeUnit.SECONDS, () -> inputBox.getViewportBounds().getHeight() < input.getHeight() / 2);
        assertThat(FxWait.read(() -> robot.lookup("#compare-whole-input").queryAs(Labeled.class).getText()))
                .isEqualTo("Show the whole input (I)");
        robot.push(KeyCode.K);
        waitFor(10, TimeUnit.SECONDS, () -> table.getSelectionModel().getSelectedIndex() == 0);

        // Ctrl+F reaches the comparison's filter, as its prompt says (it was the results' alone, and did nothing
        // here); Esc there clears it.
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        javafx.scene.control.TextField filter = robot.lookup("#compare-filter").queryAs(javafx.scene.control.TextField.class);
        waitFor(5, TimeUnit.SECONDS, filter::isFocused);
        assertThat(filter.getPromptText()).isEqualTo("Filter (Ctrl+F)");
        robot.write("t00");
        waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 9);
        robot.push(KeyCode.ESCAPE);
        waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 159);

        // The tuple diff names the changed prompt revision, with a link to the template's diff under it (a window).
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-versions .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("prompt triage: revision 4")));
        assertThat(robot.lookup("#compare-versions .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.matches("prompt triage: revision 4, sha256 \\w+ → revision 5, sha256 \\w+"));
        assertThat(robot.lookup("#compare-template-triage").tryQuery()).isPresent();
        waitFor(5, TimeUnit.SECONDS, () -> labels("#compare-template-triage").stream()
                .allMatch(l -> l.getText().equals("diff of triage: 2 lines changed") && DrawnWhole.of(l)));
        waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#compare-gates").queryAs(TableView.class).getItems().isEmpty());
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#compare-gates .table-cell").queryAllAs(javafx.scene.control.TableCell.class)
                .stream().map(c -> String.valueOf(c.getText())).toList().containsAll(java.util.List.of("schema", "FAIL", "+0.0 pp")));

        // Per metric, how many cases got better and how many worse, in words; a click filters the list to them,
        // both runs still in each row, and the filter shows as active until it is dropped.
        assertThat(button("#movement-passed-better").getText()).isEqualTo("▲ 0 better");
        assertThat(button("#movement-passed-better").isDisabled()).isTrue();
        assertThat(button("#movement-passed-worse").getText()).isEqualTo("▼ " + ReviewRuns.REGRESSIONS + " worse");
        String worse = button("#movement-order_id-worse").getText();
        assertThat(worse).matches("▼ \\d+ worse");
        int moved = Integer.parseInt(worse.split(" ")[1]);
        assertThat(moved).isGreaterThanOrEqualTo(ReviewRuns.REGRESSIONS);
        robot.clickOn("#movement-order_id-worse");
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == moved);
        assertThat(text("#compare-moved")).isEqualTo("check order_id: " + moved + " worse");
        assertThat(robot.lookup("#compare-moved").queryAs(Label.class).getParent().isVisible()).isTrue();
        assertThat(button("#movement-order_id-worse").getStyleClass()).contains("movement-active");
        assertThat(table.getItems()).allMatch(r -> r.before() != null && r.after() != null);
        assertThat(text("#compare-count")).isEqualTo(moved + " of 159 cases");
        robot.clickOn("#movement-passed-worse");
        waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == ReviewRuns.REGRESSIONS);
        assertThat(table.getItems()).allMatch(ReviewCase::regressed);
        assertThat(button("#movement-order_id-worse").getStyleClass()).doesNotContain("movement-active");
        robot.clickOn("#compare-moved-clear");
        waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 159);
        assertThat(robot.lookup("#compare-moved").queryAs(Label.class).getParent().isVisible()).isFalse();
        assertThat(button("#movement-passed-worse").getStyleClass()).doesNotContain("movement-active");
        robot.clickOn("#movement-order_id-worse");
        waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == moved);
        robot.push(KeyCode.ESCAPE);
        robot.clickOn("#compare-filter").write("t003");
        waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).either().key().caseId()).isEqualTo("t003");
        WaitForAsyncUtils.waitForFxEvents();

        // Asked for again, the same comparison comes forward in its tab, filter and marks as left, not a second tab.
        robot.clickOn(robot.lookup("#history-list .list-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#history-compare-baseline");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream()
                .filter(t -> "compare-tab".equals(t.getId())).count())).isEqualTo(1L);
        assertThat(cases()).isSameAs(table);
        assertThat(text("#compare-remaining")).isEqualTo("17 of 18 regressions left to review");
    }

    private javafx.scene.control.Button button(String id) {
        return robot.lookup(id).queryAs(javafx.scene.control.Button.class);
    }

    private static int lineContaining(StyleClassedTextArea area, String text) {
        for (int i = 0; i < area.getParagraphs().size(); i++) {
            if (area.getParagraph(i).getText().contains(text)) return i;
        }
        throw new AssertionError("no line with " + text + " in " + area.getText());
    }
}
