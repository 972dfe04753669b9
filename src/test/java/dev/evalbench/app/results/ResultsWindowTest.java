package dev.evalbench.app.results;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.DrawnWhole;
import dev.evalbench.app.FxWait;
import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.gates.GateRow;
import dev.evalbench.app.history.RunRow;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunHeader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window over a history with one offline run of the sample: open it from the history, read the gates,
 * click the failing schema gate and see exactly its invalid cases, open one case's detail.
 */
@dev.evalbench.app.SharesFxToolkit
class ResultsWindowTest extends WindowTestBase {
    private RunHeader run;
    private CaseRecord firstInvalid;

    @BeforeEach
    void runOnceThenStart() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        try (SampleHistory history = SampleHistory.of(fixture.workspace)) {
            run = history.run();
            firstInvalid = history.store.cases(run.id()).stream().filter(r -> !r.schemaValid()).findFirst().orElseThrow();
        }
        fixture.start();
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String id) {
        return (TableView<T>) robot.lookup(id).queryAs(TableView.class);
    }

    @Test
    void openARunFromTheHistoryReadTheGatesAndFollowTheSchemaGateToItsInvalidCases() throws Exception {
        @SuppressWarnings("unchecked")
        ListView<RunRow> history = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(20, TimeUnit.SECONDS, () -> history.getItems().size() == 1 && history.getItems().get(0).gates() != null);
        assertThat(robot.lookup("#history-list").lookup(".label").queryAllAs(Label.class))
                .extracting(Label::getText).anyMatch(t -> t.matches("FAIL \\d"));
        dev.evalbench.app.DoubleClick.newestRun(robot);

        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#results-table").tryQuery().isPresent()
                && table("#results-table").getItems().size() == 159 && table("#gates-table").getItems().size() == 9);
        TableView<CaseSummary> cases = table("#results-table");
        TableView<GateRow> gates = table("#gates-table");
        assertThat(robot.lookup("#gates-headline").queryAs(Label.class).getText()).matches("FAILED: \\d of 9 gates failed");
        assertThat(robot.lookup("#results-count").queryAs(Label.class).getText()).isEqualTo("159 of 159 cases");
        // Every gate is in view: both failures of "2 of 9" without scrolling the gates.
        waitFor(5, TimeUnit.SECONDS, () -> gatesInView(gates) == 9);
        // Nothing a reviewer reads is cut: every gate value on screen in full, every column title of both tables,
        // and how many cases the filter shows. Only the sentence ("Why") may end in "…": its row's tooltip holds
        // it whole.
        waitFor(5, TimeUnit.SECONDS, () -> cutTexts("#gates-table .table-cell", "Why").isEmpty()
                && cutTexts("#gates-table .column-header .label", null).isEmpty()
                && cutTexts("#results-table .column-header .label", null).isEmpty()
                && cutTexts("#results-count", null).isEmpty());
        // On a 1,280-pixel screen (the headless one), the columns a reader scans are in view, not behind a sideways
        // scroll: the case, its suite, verdict, decision, schema and latency; the tags, long and in the detail too,
        // come last. Counts read as the gates write them.
        assertThat(FxWait.read(() -> cases.getColumns().get(cases.getColumns().size() - 1).getText()))
                .isEqualTo("Tags");
        try {
            waitFor(5, TimeUnit.SECONDS, () -> widthThrough(cases, "Latency") < cases.getWidth() - SCROLL_BAR);
        } catch (java.util.concurrent.TimeoutException e) {
            // the names are fitted once every case is read; the assertion below says by how much they miss
        }
        assertThat(FxWait.read(() -> widthThrough(cases, "Latency"))).as("columns up to Latency in a table %s px wide",
                FxWait.read(cases::getWidth)).isLessThan(FxWait.read(cases::getWidth) - SCROLL_BAR);
        List<String> shown = FxWait.read(() -> robot.lookup("#results-table .table-cell")
                .queryAllAs(javafx.scene.control.TableCell.class).stream().map(c -> String.valueOf(c.getText()))
                .toList());
        assertThat(shown).anyMatch(t -> t.matches("\\d{2,4} ms")).anyMatch(t -> t.matches("\\d,\\d{3}"));
        // Decisions in the words the terminal and the reports use (not "accept reply" / "reject → escalate").
        assertThat(shown).anyMatch(t -> t.matches("[a-z_]+ \\(accepted\\)"))
                .noneMatch(t -> t.startsWith("accept ") || t.startsWith("reject → "));
        GateRow schema = gates.getItems().get(0);
        assertThat(schema.id()).isEqualTo("schema");
        assertThat(robot.lookup("#gates-table .table-cell").queryAllAs(javafx.scene.control.TableCell.class))
                .extracting(c -> String.valueOf(c.getText())).contains("FAIL", "98.7%", "≥ 99.0%");

        robot.clickOn(robot.lookup("#gates-table .table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                "schema".equals(c.getText())).queryAs(Node.class));
        waitFor(10, TimeUnit.SECONDS, () -> cases.getItems().size() == SampleHistory.SCHEMA_INVALID);
        assertThat(cases.getItems()).allMatch(s -> !s.schemaValid());
        assertThat(cases.getItems()).extracting(CaseSummary::key).contains(firstInvalid.key());
        assertThat(robot.lookup("#results-scope").queryAs(Label.class).getText()).isEqualTo("gate schema");
        waitFor(5, TimeUnit.SECONDS,
                () -> cutTexts("#results-scope", null).isEmpty() && cutTexts("#results-count", null).isEmpty());
        assertThat(robot.lookup("#results-count").queryAs(Label.class).getText()).isEqualTo("2 of 159 cases");
        // Beside the gate's chip, on this 1,280-pixel screen, the actions show only their icons (named by their
        // tooltips): with their words "Baseline" and "Previous" read "Bas…" and "Prev…".
        java.util.function.Supplier<List<javafx.scene.control.Button>> actions = () ->
                robot.lookup("#results-actions .button").queryAllAs(javafx.scene.control.Button.class).stream()
                        .filter(Node::isVisible).toList(); // Resume shows only on an incomplete run
        waitFor(5, TimeUnit.SECONDS, () -> actions.get().size() == 5 && actions.get().stream().allMatch(b -> b.getTooltip() != null
                && DrawnWhole.of(b) && b.getContentDisplay() == javafx.scene.control.ContentDisplay.GRAPHIC_ONLY));
        // The gate's chip sits above the filter bar: the text field keeps room to read and type in ("Filte" before),
        // and its prompt, with the key that reaches it, is read whole ("Filter cases (Ctrl-" before).
        javafx.scene.control.TextField filter = robot.lookup("#results-filter").queryAs(javafx.scene.control.TextField.class);
        waitFor(5, TimeUnit.SECONDS, () -> filter.getWidth() >= 120 && promptWhole(filter));
        assertThat(filter.getPromptText()).contains("Ctrl+F");

        int row = cases.getItems().indexOf(cases.getItems().stream().filter(s -> s.key().equals(firstInvalid.key())).findFirst().orElseThrow());
        robot.clickOn(robot.lookup("#results-table .table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == row && r.isVisible()).queryAs(Node.class));
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#detail-raw").tryQuery().isPresent());
        assertThat(dev.evalbench.app.detail.ShownText.of(robot.lookup("#detail-raw").query())).isEqualTo(firstInvalid.rawOutput());
        assertThat(dev.evalbench.app.detail.ShownText.of(robot.lookup("#detail-schema-errors").query())).isNotBlank();

        robot.push(KeyCode.ESCAPE);
        waitFor(10, TimeUnit.SECONDS, () -> cases.getItems().size() == 159);
        // Without the chip there is room for their words again, whole.
        waitFor(5, TimeUnit.SECONDS, () -> actions.get().stream().allMatch(b -> DrawnWhole.of(b)
                && b.getContentDisplay() == javafx.scene.control.ContentDisplay.LEFT));
        robot.push(KeyCode.CONTROL, KeyCode.F).write("t001");
        waitFor(10, TimeUnit.SECONDS, () -> cases.getItems().size() == 1);
        assertThat(cases.getItems().get(0).key().caseId()).isEqualTo("t001");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether the field's prompt fits inside it, in its font: nothing of it cut at the right edge. FX thread. */
    private static boolean promptWhole(javafx.scene.control.TextField field) {
        javafx.scene.text.Text prompt = new javafx.scene.text.Text(field.getPromptText());
        prompt.setFont(field.getFont());
        javafx.geometry.Insets padding = field.getPadding();
        return field.getWidth() - padding.getLeft() - padding.getRight() >= prompt.getLayoutBounds().getWidth();
    }

    /** How many gate rows lie wholly inside the gates table's viewport (the rows area, not scrolled to). */
    /**
     * The texts among the labels {@code query} finds (table cells or column titles) that are shown cut short: the
     * text drawn differs from the label's text (JavaFX draws "…" in place of what does not fit). Cells of the
     * column titled {@code except} are left out. Asked on the FX thread.
     */
    private java.util.List<String> cutTexts(String query, String except) {
        return robot.lookup(query).queryAllAs(Labeled.class).stream()
                .filter(l -> l.isVisible() && l.getText() != null && !l.getText().isEmpty())
                .filter(l -> except == null || !(l instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && except.equals(c.getTableColumn().getText())))
                .filter(l -> !DrawnWhole.of(l))
                .map(Labeled::getText).toList();
    }

    /** Room the table's vertical scroll bar takes. */
    private static final double SCROLL_BAR = 14;

    /** The width of the table's columns from the first to {@code last}, included. */
    private static double widthThrough(TableView<CaseSummary> cases, String last) {
        double width = 0;
        for (javafx.scene.control.TableColumn<CaseSummary, ?> c : cases.getColumns()) {
            width += c.getWidth();
            if (c.getText().equals(last)) return width;
        }
        throw new AssertionError("no column " + last);
    }

    private static long gatesInView(TableView<GateRow> gates) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node viewport = gates.lookup(".clipped-container");
            javafx.geometry.Bounds seen = viewport.localToScene(viewport.getLayoutBounds());
            return gates.lookupAll(".table-row-cell").stream().map(n -> (javafx.scene.control.TableRow<?>) n)
                    .filter(r -> r.isVisible() && r.getItem() != null).map(r -> r.localToScene(r.getLayoutBounds()))
                    .filter(b -> b.getMinY() >= seen.getMinY() - 0.5 && b.getMaxY() <= seen.getMaxY() + 0.5).count();
        }).get(5, TimeUnit.SECONDS);
    }
}
