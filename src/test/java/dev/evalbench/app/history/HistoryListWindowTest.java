package dev.evalbench.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.cli.Cli;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The history list in the real window: an imported traffic run has its own mark and an eval run none; and the
 * README's loop: select a run, press "Tag main", the run shows the tag on its first line (and its tooltip the
 * whole row in words), and the next run (Ctrl+R) is gated against it.
 */
@dev.evalbench.app.SharesFxToolkit
class HistoryListWindowTest extends WindowTestBase {

    @Test
    void aTrafficRunIsMarkedInTheHistoryList() throws Exception {
        Path ws = sampleWithOneRun();
        String capture = ws.resolve("traffic/control-small.jsonl").toString();
        assertThat(Cli.run("traffic", "import", capture, "-w", ws.toString(), "--tag", "production").exit()).isZero();
        ListView<RunRow> list = windowListing(2);
        assertThat(list.getItems().get(0).kind()).isEqualTo("traffic");
        assertThat(list.getItems().get(1).kind()).isEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        var marks = robot.lookup("#history-list .run-kind").queryAllAs(Label.class);
        assertThat(marks).filteredOn(Label::isVisible).extracting(Label::getText).containsExactly("traffic");
        // Tagged and marked, the traffic run's row shows its date and its tag whole (mark and tag lead the second
        // line: beside the verdict and the date the tag was cut to "pr…").
        assertThat(list.getItems().get(0).tags()).isEqualTo("production");
        dev.evalbench.app.FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#history-list .run-when")
                        .queryAllAs(Label.class).stream().filter(Label::isVisible).count() == 2
                && robot.lookup("#history-list .run-when").queryAllAs(Label.class).stream()
                        .filter(Label::isVisible).allMatch(dev.evalbench.app.DrawnWhole::of));
        dev.evalbench.app.FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#history-list .run-tags")
                .queryAllAs(Label.class).stream().filter(Label::isVisible)
                .anyMatch(l -> "production".equals(l.getText()) && l.getWidth() > 0 && dev.evalbench.app.DrawnWhole.of(l)));
        assertThat(dev.evalbench.app.FxWait.read(() -> marks.stream().filter(Label::isVisible)
                .allMatch(dev.evalbench.app.DrawnWhole::of))).isTrue();

        // A search that matches nothing says so, not "No runs yet".
        robot.clickOn("#history-search").write("no-such-run");
        Label empty = robot.lookup("#history-empty").queryAs(Label.class);
        dev.evalbench.app.FxWait.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().isEmpty() && empty.isVisible()
                && empty.getWidth() > 0);
        assertThat(dev.evalbench.app.FxWait.read(empty::getText)).isEqualTo("No run matches \"no-such-run\".");
        assertThat(dev.evalbench.app.FxWait.read(() -> dev.evalbench.app.DrawnWhole.of(empty))).isTrue();
    }

    /**
     * README's canary, in the window: the control and the shifted canary imported and tagged, the canary's row
     * "Compare shadow or canary" opens their comparison, which gives the verdict `evalbench canary` gives (roll
     * back) above it, with each metric.
     */
    @Test
    void aCanaryComparedWithItsControlShowsTheCanarysVerdict() throws Exception {
        Path ws = sampleWithOneRun();
        for (String[] capture : new String[][] {{"control.jsonl", "control"}, {"canary-shifted.jsonl", "canary"}}) {
            assertThat(Cli.run("traffic", "import", ws.resolve("traffic/" + capture[0]).toString(), "-w", ws.toString(),
                    "--tag", capture[1]).exit()).isZero();
        }
        Cli.Result cli = Cli.run("canary", "control", "canary", "-w", ws.toString());
        assertThat(cli.exit()).isEqualTo(1);
        ListView<RunRow> list = windowListing(3);
        // The eval run (the oldest) has no verdict pair: the button is disabled and says so when hovered.
        robot.clickOn(robot.lookup("#history-list .list-cell").nth(2).queryAs(Node.class));
        dev.evalbench.app.FxWait.waitFor(10, TimeUnit.SECONDS, () -> list.getSelectionModel().getSelectedIndex() == 2
                && robot.lookup("#history-compare-verdict").queryButton().isDisabled());
        assertThat(robot.lookup("#history-tag").queryButton().isDisabled()).as("an eval run can be tagged main").isFalse();
        robot.moveTo("#history-compare-verdict");
        assertThat(dev.evalbench.app.FxWait.tooltipShown("Compare shadow or canary")).endsWith(
                "\nThis is an eval run: select a shadow run or an imported traffic run.");
        robot.clickOn(robot.lookup("#history-list .list-cell").nth(0).queryAs(Node.class));
        dev.evalbench.app.FxWait.waitFor(10, TimeUnit.SECONDS, () -> list.getSelectionModel().getSelectedIndex() == 0
                && !robot.lookup("#history-compare-verdict").queryButton().isDisabled());
        // Not main: gated against production's requests, a run matched none of its cases.
        assertThat(robot.lookup("#history-tag").queryButton().isDisabled()).isTrue();
        robot.moveTo("#history-tag");
        assertThat(dev.evalbench.app.FxWait.tooltipShown("Tag main")).endsWith("\nThis is a traffic or shadow run "
                + "(production's requests, not the eval cases): runs gated against it would match none of its cases. Tag an"
                + " eval run main.");
        robot.clickOn("#history-compare-verdict");
        dev.evalbench.app.FxWait.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-canary-verdict").tryQuery()
                .map(n -> n.isVisible() && ((Label) n).getText().startsWith("Canary ")).orElse(false));
        Label verdict = robot.lookup("#compare-canary-verdict").queryAs(Label.class);
        String canaryId = list.getItems().get(0).id();
        String controlId = list.getItems().get(1).id();
        assertThat(dev.evalbench.app.FxWait.read(verdict::getText))
                .startsWith("Canary " + canaryId + " against control " + controlId + ": roll back. ");
        assertThat(cli.out()).contains("canary " + canaryId + " vs control " + controlId + ": roll back");
        var marks = robot.lookup("#compare-canary-metrics .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(marks).contains("FAIL", "schema pass rate");
        dev.evalbench.app.FxWait.waitFor(10, TimeUnit.SECONDS, () -> dev.evalbench.app.DrawnWhole.of(verdict));
        // On this 1280x800 screen the verdict above the dividers left the case list no row: it heads the first part
        // now, with the gates' header and first row under it unscrolled (a canary's requests pair with none, so the
        // list gives way to them), and the list keeps a header and two rows of 24 pixels.
        javafx.scene.control.TableView<?> cases = robot.lookup("#compare-table").queryAs(javafx.scene.control.TableView.class);
        dev.evalbench.app.FxWait.waitFor(10, TimeUnit.SECONDS, () -> cases.getHeight() >= 3 * 24);
        javafx.scene.control.ScrollPane first = robot.lookup("#compare-overview-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        Node gates = robot.lookup("#compare-gates").query();
        dev.evalbench.app.FxWait.waitFor(5, TimeUnit.SECONDS, () -> {
            javafx.geometry.Bounds shown = first.localToScene(first.getLayoutBounds());
            javafx.geometry.Bounds table = gates.localToScene(gates.getLayoutBounds());
            return first.getVvalue() == first.getVmin() && table.getMinY() + 2 * 24 <= shown.getMaxY();
        });
    }

    @Test
    void aRunTaggedMainInTheHistoryIsTheBaselineOfTheNextRun() throws Exception {
        sampleWithOneRun();
        ListView<RunRow> list = windowListing(1);
        String first = list.getItems().get(0).id();
        assertThat(visibleTags()).isEmpty();
        // Nothing selected yet: the icon buttons are disabled, and hovering one still says what it does, and why not.
        assertThat(robot.lookup("#history-tag").queryButton().isDisabled()).isTrue();
        robot.moveTo("#history-tag");
        assertThat(dev.evalbench.app.FxWait.tooltipShown("Tag main")).isEqualTo(
                "Tag main: Tag the selected run main: later runs are gated against it\nSelect a run in the list first.");
        robot.clickOn(robot.lookup("#history-list .list-cell").nth(0).queryAs(Node.class));
        robot.moveTo("#history-resume");
        assertThat(dev.evalbench.app.FxWait.tooltipShown("Resume")).isEqualTo(
                "Resume: Finish the selected incomplete run\nThis run is complete: only an incomplete run can be resumed.");
        robot.clickOn("#history-tag");
        dev.evalbench.app.FxWait.waitFor(10, TimeUnit.SECONDS, () -> !list.getItems().isEmpty() && list.getItems().get(0).tags().equals("main"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visibleTags()).containsExactly("main");
        assertThat(list.getSelectionModel().getSelectedItem()).as("still selected after the history was read again")
                .extracting(RunRow::id).isEqualTo(first);

        // The list is narrow and says "FAIL 2"; the row's tooltip says it whole, in words.
        dev.evalbench.app.FxWait.waitFor(30, TimeUnit.SECONDS, () -> list.getItems().get(0).gatesInWords() != null);
        Node cell = robot.lookup("#history-list .list-cell").nth(0).queryAs(Node.class);
        robot.moveTo(cell);
        javafx.scene.control.Cell<?> hovered = (javafx.scene.control.Cell<?>) cell;
        dev.evalbench.app.FxWait.waitFor(10, TimeUnit.SECONDS,
                () -> hovered.getTooltip() != null && hovered.getTooltip().isShowing());
        String[] lines = dev.evalbench.app.FxWait.read(() -> hovered.getTooltip().getText()).split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("Run " + first + " · complete · started 20");
        assertThat(lines[1]).isEqualTo("2 of 9 gates failed: schema, cost");
        assertThat(lines[2]).isEqualTo("routes: offline · prompts: reply-rubric r1, triage r4 · 159/159 cases");
        assertThat(lines[3]).isEqualTo("tags: main");

        // Ctrl+R: the new run's results open, gated against the tagged one.
        robot.clickOn("#history-search").push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.R);
        dev.evalbench.app.FxWait.waitFor(60, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        dev.evalbench.app.FxWait.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#gates-baseline").tryQuery().isPresent()
                && robot.lookup("#gates-baseline").queryAs(Label.class).getText().startsWith("Against"));
        assertThat(robot.lookup("#gates-baseline").queryAs(Label.class).getText())
                .isEqualTo("Against baseline main (run " + first + ").");
        // Against a baseline, a reviewer reads each gate's value, threshold and baseline side by side: all three in
        // the centre pane without scrolling sideways (the long threshold pushed the baseline out). The threshold a
        // baseline moved names the floor the workspace wrote; the row's sentence says how the bound was worked out.
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<dev.evalbench.app.gates.GateRow> gates =
                robot.lookup("#gates-table").queryAs(javafx.scene.control.TableView.class);
        dev.evalbench.app.FxWait.waitFor(10, TimeUnit.SECONDS, () -> gates.getItems().stream()
                .anyMatch(g -> g.id().equals("action-vs-baseline") && !g.baseline().equals("—")));
        dev.evalbench.app.gates.GateRow moved = dev.evalbench.app.FxWait.read(() -> gates.getItems().stream()
                .filter(g -> g.id().equals("action-vs-baseline")).findFirst().orElseThrow());
        assertThat(moved.threshold()).matches("≥ 0\\.\\d{3} \\(min 0\\.850\\)");
        assertThat(moved.sentence()).contains("the gate needs at least 0.850").contains("the baseline bound is");
        dev.evalbench.app.FxWait.waitFor(10, TimeUnit.SECONDS, () -> {
            double end = 0;
            for (var c : gates.getColumns()) {
                end += c.getWidth();
                if (c.getText().equals("Baseline")) break;
            }
            return end <= gates.getWidth();
        });
        // The interval and p are further right, behind a sideways scroll here: a click on the gate shows all its
        // numbers in the detail pane, the threshold with how the baseline moved it.
        java.util.function.Supplier<java.util.Optional<Node>> gateCell = () -> robot.lookup("#gates-table .table-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> "action-vs-baseline".equals(c.getText())).tryQuery();
        // The row's cells are drawn a pulse after its items change.
        dev.evalbench.app.FxWait.waitFor(10, TimeUnit.SECONDS, () -> gateCell.get().isPresent());
        robot.clickOn(gateCell.get().orElseThrow());
        dev.evalbench.app.FxWait.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#gate-detail").tryQuery().isPresent());
        java.util.List<String> shown = dev.evalbench.app.FxWait.read(() -> robot.lookup("#gate-detail-numbers .label")
                .queryAllAs(Label.class).stream().map(Label::getText).toList());
        assertThat(shown).contains("Threshold", "Baseline", "95% interval", "p-value", moved.pValue(), moved.interval())
                .anyMatch(t -> t.matches("≥ 0\\.\\d{3} \\(min 0\\.850; baseline 0\\.\\d{3} − 0\\.020\\)"));
        assertThat(robot.lookup("#gate-detail-sentence").queryAs(Label.class).getText()).isEqualTo(moved.sentence());
        // And which cases the results now list: as many as the table shows.
        String cases = robot.lookup("#gate-detail-cases").queryAs(Label.class).getText();
        java.util.regex.Matcher listed = java.util.regex.Pattern.compile(
                "The results below list its (\\d+) cases: the cases the metric scores wrong\\.").matcher(cases);
        assertThat(listed.matches()).as(cases).isTrue();
        javafx.scene.control.TableView<?> results =
                robot.lookup("#results-table").queryAs(javafx.scene.control.TableView.class);
        dev.evalbench.app.FxWait.waitFor(10, TimeUnit.SECONDS,
                () -> results.getItems().size() == Integer.parseInt(listed.group(1)));
        dev.evalbench.app.FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#gate-detail-numbers .label")
                .queryAllAs(Label.class).stream().allMatch(dev.evalbench.app.DrawnWhole::of));
    }

    /**
     * A terminal beside the open window, as authors work: the run it stores shows up in the history without a
     * click (it said "No runs yet" beside it), and its {@code evalbench tag … main} moves the baseline of the open
     * results and of the history's summaries, as Tag main in the window does.
     */
    @Test
    void aTerminalsRunAndTagShowUpWhileTheWindowIsOpen() throws Exception {
        Path ws = sampleWithOneRun();
        ListView<RunRow> list = windowListing(1);
        String first = list.getItems().get(0).id();
        assertThat(Cli.run("run", "-w", ws.toString(), "--quiet").exit()).isEqualTo(1);
        dev.evalbench.app.FxWait.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        String second = dev.evalbench.app.FxWait.read(() -> list.getItems().get(0).id());
        assertThat(second).isNotEqualTo(first);
        dev.evalbench.app.FxWait.waitUntilShown(robot, "#history-list .list-cell", 10, TimeUnit.SECONDS);
        robot.doubleClickOn(robot.lookup("#history-list .list-cell").nth(0).queryAs(Node.class));
        Label headline = robot.lookup("#gates-headline").queryAs(Label.class);
        dev.evalbench.app.FxWait.waitFor(30, TimeUnit.SECONDS, () -> "FAILED: 2 of 9 gates failed".equals(headline.getText()));

        assertThat(Cli.run("tag", first, "main", "-w", ws.toString()).exit()).isZero();
        dev.evalbench.app.FxWait.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().size() == 2
                && list.getItems().get(1).tags().equals("main"));
        // Against the baseline, the cost gate can be measured: the open results and the row fail one gate fewer.
        dev.evalbench.app.FxWait.waitFor(30, TimeUnit.SECONDS, () -> "FAILED: 1 of 9 gates failed".equals(headline.getText()));
        assertThat(dev.evalbench.app.FxWait.read(() -> robot.lookup("#gates-baseline").queryAs(Label.class).getText()))
                .isEqualTo("Against baseline main (run " + first + ").");
        dev.evalbench.app.FxWait.waitFor(30, TimeUnit.SECONDS, () -> "FAIL 1".equals(list.getItems().get(0).gates()));
    }

    /**
     * The author's loop: after a change and another run, the run's results say what changed since the run before
     * it, without opening the comparison. Here the expected category of t001 changes, so that case now fails.
     */
    @Test
    void aRunsResultsSayWhatChangedSinceThePreviousRun() throws Exception {
        Path ws = sampleWithOneRun();
        Path tickets = ws.resolve("datasets/tickets.jsonl");
        java.util.List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(tickets));
        assertThat(lines.get(0)).startsWith("{\"id\": \"t001\"").contains("\"expected\": {\"category\": \"bug\"");
        lines.set(0, lines.get(0).replace("\"expected\": {\"category\": \"bug\"", "\"expected\": {\"category\": \"billing\""));
        java.nio.file.Files.write(tickets, lines);
        assertThat(Cli.run("run", "-w", ws.toString(), "--quiet").exit()).isEqualTo(1);
        ListView<RunRow> list = windowListing(2);
        robot.doubleClickOn(robot.lookup("#history-list .list-cell").nth(0).queryAs(Node.class));
        dev.evalbench.app.FxWait.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#results-since-previous").tryQuery()
                .map(n -> n.isVisible() && ((Label) n).getText().startsWith("Since")).orElse(false));
        Label since = robot.lookup("#results-since-previous").queryAs(Label.class);
        assertThat(dev.evalbench.app.FxWait.read(since::getText)).isEqualTo("Since the previous run: 1 case now fails");
        assertThat(dev.evalbench.app.FxWait.read(() -> since.getTooltip().getText()))
                .contains("The previous run: " + list.getItems().get(1).id());
        dev.evalbench.app.FxWait.waitFor(10, TimeUnit.SECONDS, () -> dev.evalbench.app.DrawnWhole.of(since));
    }

    /**
     * The row's buttons are icons in a narrow column; its menu (right click, or Ctrl+H then Shift+F10 from the
     * keyboard) says them in words, enabled as they are, and copies the run's id for the command line.
     */
    @Test
    void aRunsMenuSaysItsActionsInWordsAndCopiesItsId() throws Exception {
        sampleWithOneRun();
        ListView<RunRow> list = windowListing(1);
        String id = list.getItems().get(0).id();
        // From the keyboard alone: Ctrl+H goes to the history and selects the newest run.
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.H)
                .release(javafx.scene.input.KeyCode.H, javafx.scene.input.KeyCode.CONTROL);
        dev.evalbench.app.FxWait.waitFor(5, TimeUnit.SECONDS, () -> list.isFocused() && list.getSelectionModel().getSelectedIndex() == 0);
        robot.press(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.F10)
                .release(javafx.scene.input.KeyCode.F10, javafx.scene.input.KeyCode.SHIFT);
        dev.evalbench.app.FxWait.waitUntilShown(robot, "#history-copy-id", 10, TimeUnit.SECONDS);
        javafx.scene.control.ContextMenu menu = list.getContextMenu();
        assertThat(dev.evalbench.app.FxWait.read(() -> menu.getItems().stream()
                .filter(i -> i.getText() != null).map(i -> i.getText() + (i.isDisable() ? " (off)" : "")).toList()))
                .containsExactly("Open", "Tag main", "Resume (off)", "Compare with baseline", "Compare with previous",
                        "Compare shadow or canary (off)", "Copy run id");
        robot.clickOn("#history-copy-id");
        dev.evalbench.app.FxWait.waitFor(5, TimeUnit.SECONDS, () -> id.equals(javafx.scene.input.Clipboard.getSystemClipboard().getString()));

        robot.press(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.F10)
                .release(javafx.scene.input.KeyCode.F10, javafx.scene.input.KeyCode.SHIFT);
        dev.evalbench.app.FxWait.waitUntilShown(robot, "#history-tag-item", 10, TimeUnit.SECONDS);
        robot.clickOn("#history-tag-item");
        dev.evalbench.app.FxWait.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().get(0).tags().equals("main"));

        // A tagged run's menu removes each of its tags (`evalbench tag --delete`): a tag put on the wrong run stayed.
        robot.press(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.F10)
                .release(javafx.scene.input.KeyCode.F10, javafx.scene.input.KeyCode.SHIFT);
        dev.evalbench.app.FxWait.waitUntilShown(robot, "#history-untag-main", 10, TimeUnit.SECONDS);
        assertThat(dev.evalbench.app.FxWait.read(() -> menu.getItems().get(menu.getItems().size() - 1).getText()))
                .isEqualTo("Remove tag main");
        assertThat(dev.evalbench.app.FxWait.read(() -> menu.getItems().get(menu.getItems().size() - 1).isMnemonicParsing()))
                .as("a tag such as release_1 drawn as written").isFalse();
        robot.clickOn("#history-untag-main");
        dev.evalbench.app.FxWait.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().get(0).tags().isEmpty());
        try (var store = dev.evalbench.core.store.sqlite.SqliteRunStore.openReadOnly(
                fixture.workspace.resolve(".evalbench/history.db"))) {
            assertThat(store.tags()).isEmpty();
        }
    }

    /** A copy of the sample with one run stored (the command line's; exit 1, the sample fails a gate). */
    /** "Compare…" with one run in the history says what it needs (it opened nothing and said nothing). */
    @Test
    void compareWithOneRunSaysItNeedsASecond() throws Exception {
        sampleWithOneRun();
        windowListing(1);
        robot.clickOn("#compare-pick");
        javafx.scene.control.Label status = robot.lookup("#status-message").queryAs(javafx.scene.control.Label.class);
        dev.evalbench.app.FxWait.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("Only one run"));
        assertThat(dev.evalbench.app.FxWait.read(status::getText))
                .isEqualTo("Only one run to compare: run again (Ctrl+R), or open a run file (Ctrl+Shift+O) for the other side.");
        assertThat(robot.lookup("#pick-runs").tryQuery()).isEmpty();
        // However narrow the window cuts the status line, its tooltip says it whole.
        assertThat(dev.evalbench.app.FxWait.read(() -> status.getTooltip().getText())).isEqualTo(status.getText());
    }

    /**
     * The same run on both sides of "Compare…" is no comparison ("0 regressed … no regression to review"): OK is off
     * and a line says why, until the sides differ again.
     */
    @Test
    void compareOfARunWithItselfIsNotOffered() throws Exception {
        sampleWithOneRun();
        assertThat(Cli.run("run", "-w", fixture.workspace.toString(), "--quiet").exit()).isEqualTo(1);
        windowListing(2);
        robot.clickOn("#compare-pick");
        dev.evalbench.app.FxWait.waitUntilShown(robot, "#pick-second", 10, TimeUnit.SECONDS);
        javafx.scene.control.Button ok = robot.lookup("#pick-runs .button")
                .match((javafx.scene.control.Button b) -> "OK".equals(b.getText())).queryAs(javafx.scene.control.Button.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Object> second = robot.lookup("#pick-second").queryAs(javafx.scene.control.ComboBox.class);
        Object newest = dev.evalbench.app.FxWait.read(second::getValue);
        Object oldest = robot.lookup("#pick-first").queryAs(javafx.scene.control.ComboBox.class).getValue();
        robot.interact(() -> second.setValue(oldest));
        assertThat(dev.evalbench.app.FxWait.read(ok::isDisabled)).isTrue();
        dev.evalbench.app.FxWait.waitUntilShown(robot, "#pick-same", 5, TimeUnit.SECONDS);
        assertThat(dev.evalbench.app.FxWait.read(() -> robot.lookup("#pick-same").queryLabeled().getText()))
                .isEqualTo("Both sides are the same run: choose two different runs.");
        robot.interact(() -> second.setValue(newest));
        assertThat(dev.evalbench.app.FxWait.read(ok::isDisabled)).isFalse();
        robot.clickOn(robot.lookup("#pick-runs .button").match((javafx.scene.control.Button b) -> "Cancel".equals(b.getText()))
                .queryAs(javafx.scene.Node.class));
    }

    private Path sampleWithOneRun() {
        fixture = WorkbenchFixture.ofSample(temp);
        assertThat(Cli.run("run", "-w", fixture.workspace.toString(), "--quiet").exit()).isEqualTo(1);
        return fixture.workspace;
    }

    /** Opens the window on it and waits until the history lists {@code runs} runs. */
    @SuppressWarnings("unchecked")
    private ListView<RunRow> windowListing(int runs) throws Exception {
        fixture.start();
        ListView<RunRow> list = robot.lookup("#history-list").queryAs(ListView.class);
        dev.evalbench.app.FxWait.waitFor(30, TimeUnit.SECONDS, () -> list.getItems().size() == runs);
        // Its rows are drawn a pulse after its items arrive.
        dev.evalbench.app.FxWait.waitUntilShown(robot, "#history-list .list-cell", 10, TimeUnit.SECONDS);
        return list;
    }

    private java.util.List<String> visibleTags() {
        return robot.lookup("#history-list .run-tags").queryAllAs(Label.class).stream()
                .filter(Label::isVisible).map(Label::getText).toList();
    }
}
