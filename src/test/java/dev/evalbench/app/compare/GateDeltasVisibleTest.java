package dev.evalbench.app.compare;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.DrawnWhole;
import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.history.RunRow;
import dev.evalbench.core.compare.GateDelta;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The comparison's gate deltas are readable when it opens on a laptop-sized screen (the headless screen is
 * 1280x800): every one of the sample's nine gate rows is laid out inside the table's viewport, inside the
 * overview and inside the window, not only present in the table's items; a click on one lists the cases behind it;
 * and a taller window gives its height to the cases until the reviewer drags the divider, either way; the dragged
 * dividers hold for the next comparison and the next start.
 */
@dev.evalbench.app.SharesFxToolkit
class GateDeltasVisibleTest extends WindowTestBase {

    @BeforeEach
    void twoRunsThenStart() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        ReviewRuns.make(fixture.workspace);
        fixture.start();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyGateDeltaRowIsInsideTheViewportWhenTheComparisonOpensAndAClickListsTheCasesBehindIt() throws Exception {
        ListView<RunRow> history = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(20, TimeUnit.SECONDS, () -> history.getItems().size() == 2);
        dev.evalbench.app.FxWait.waitUntilShown(robot, "#history-list .list-cell", 10, TimeUnit.SECONDS);
        robot.clickOn(robot.lookup("#history-list .list-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#history-compare-baseline");
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-gates").tryQuery().isPresent()
                && robot.lookup("#compare-gates").queryAs(TableView.class).getItems().size() == 9);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // the divider moves once the gates are in
        WaitForAsyncUtils.waitForFxEvents();

        TableView<GateDelta> gates = robot.lookup("#compare-gates").queryAs(TableView.class);
        Node window = gates.getScene().getRoot();
        assertThat(FxWait.read(() -> window.getLayoutBounds().getHeight())).isLessThanOrEqualTo(800);
        Bounds viewport = sceneBounds(gates.lookup(".clipped-container"));
        Bounds overview = sceneBounds(gates.getParent().getParent());
        Bounds screen = sceneBounds(window);
        List<TableRow<GateDelta>> rows = robot.lookup("#compare-gates .table-row-cell").queryAllAs(TableRow.class).stream()
                .map(r -> (TableRow<GateDelta>) r).filter(r -> r.getItem() != null && r.isVisible()).toList();
        assertThat(rows).extracting(r -> r.getItem().id()).containsExactlyInAnyOrderElementsOf(
                gates.getItems().stream().map(GateDelta::id).toList());
        for (TableRow<GateDelta> row : rows) {
            Bounds b = sceneBounds(row);
            assertThat(b.getHeight()).as(row.getItem().id()).isGreaterThan(10);
            // Top to bottom inside the table's viewport (no row under the header or the sideways bar), the overview
            // and the window; from the left edge on (a narrow table scrolls sideways to the sentence).
            assertThat(within(viewport, b)).as(row.getItem().id() + " " + b + " inside " + viewport).isTrue();
            assertThat(within(overview, b)).as(row.getItem().id() + " inside the overview " + overview).isTrue();
            assertThat(within(screen, b)).as(row.getItem().id() + " inside the window").isTrue();
        }
        // The gate's name, both verdicts and the change read in each row.
        for (int column : new int[] {0, 1, 3, 5}) {
            assertThat(gates.getColumns().get(column).getWidth()).as(gates.getColumns().get(column).getText()).isGreaterThanOrEqualTo(55);
        }
        // Every verdict is drawn whole (JavaFX draws "…" in place of what does not fit): the first run had no
        // baseline, so its cost gate was not applied, in a word that fits and a tooltip that says why.
        TableColumn<?, ?> first = gates.getColumns().get(1);
        TableColumn<?, ?> second = gates.getColumns().get(3);
        List<TableCell<?, ?>> verdicts = FxWait.read(() -> robot.lookup("#compare-gates .table-cell")
                .queryAllAs(TableCell.class).stream().<TableCell<?, ?>>map(c -> c)
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() != null
                        && (c.getTableColumn() == first || c.getTableColumn() == second))
                .toList());
        assertThat(verdicts).hasSize(18)
                .allSatisfy(c -> assertThat(FxWait.read(() -> DrawnWhole.of(c))).as(c.getText()).isTrue());
        TableCell<?, ?> cost = verdicts.stream().filter(c -> c.getTableColumn() == gates.getColumns().get(1)
                && ((GateDelta) c.getTableRow().getItem()).id().equals("cost")).findFirst().orElseThrow();
        assertThat(cost.getText()).isEqualTo("n/a");
        // Every other value and every column title reads whole too; only the sentence ("Why") may end in "…".
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#compare-gates .table-cell").queryAllAs(TableCell.class)
                .stream().filter(c -> c.getTableColumn() != null && !"Why".equals(c.getTableColumn().getText()))
                .allMatch(DrawnWhole::of)
                && robot.lookup("#compare-gates .column-header .label").queryAllAs(javafx.scene.control.Labeled.class)
                        .stream().allMatch(DrawnWhole::of));
        assertThat(cost.getTooltip().getText()).startsWith("needs a baseline");

        // A click on a gate lists the cases behind it: the schema gate, the two outputs that broke the schema.
        int schema = FxWait.read(() -> gates.getItems().stream().map(GateDelta::id).toList().indexOf("schema"));
        robot.clickOn(FxWait.rowShowing(robot, "#compare-gates", schema));
        TableView<?> cases = robot.lookup("#compare-table").queryAs(TableView.class);
        assertThat(FxWait.read(() -> cases.getColumns().stream().filter(c -> c.getText().equals("Route")).toList()))
                .as("runs of one route: no Route column (CompareRoutesColumnTest)").singleElement()
                .matches(c -> !c.isVisible());
        waitFor(10, TimeUnit.SECONDS, () -> cases.getItems().size() == 2
                && robot.lookup("#compare-moved").queryAs(javafx.scene.control.Label.class).getText().equals("gate schema: 2 cases"));
        // The scope reads whole, and the pane below reads the first case listed (the one it showed is filtered out).
        waitFor(5, TimeUnit.SECONDS, () -> DrawnWhole.of(robot.lookup("#compare-moved").queryAs(javafx.scene.control.Label.class)));
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#compare-case-title").queryAs(javafx.scene.control.Label.class).getText()
                .equals(((dev.evalbench.core.compare.ReviewCase) cases.getItems().get(0)).key() + " · unchanged"));
        // Beside the table, whose "Why" column cuts them, the gate's two sentences in full.
        GateDelta schemaDelta = FxWait.read(() -> gates.getItems().get(schema));
        javafx.scene.control.Label why = robot.lookup("#compare-gate-why").queryAs(javafx.scene.control.Label.class);
        assertThat(FxWait.read(why::getText)).isEqualTo("schema, first run: " + schemaDelta.before().detail()
                + "\nSecond run: " + schemaDelta.after().detail());
        assertThat(schemaDelta.after().detail()).contains("%");
        // Brought into view in its column, which scrolls when what changed is long.
        Node column = robot.lookup("#compare-changes").query();
        waitFor(5, TimeUnit.SECONDS, () -> why.isVisible() && DrawnWhole.of(why)
                && column.localToScene(column.getLayoutBounds()).contains(why.localToScene(why.getLayoutBounds()).getMinX() + 1,
                        why.localToScene(why.getLayoutBounds()).getMaxY() - 1));
        // Esc lets the gate go with the scope: every case is listed again.
        robot.clickOn("#compare-filter").push(javafx.scene.input.KeyCode.ESCAPE);
        waitFor(10, TimeUnit.SECONDS, () -> cases.getItems().size() == 159 && gates.getSelectionModel().isEmpty()
                && !why.isVisible());

        // A filter that matches no case leaves no case's name over empty panes.
        robot.clickOn("#compare-filter").write("no-such-case");
        waitFor(10, TimeUnit.SECONDS, () -> cases.getItems().isEmpty() && robot.lookup("#compare-case-title")
                .queryAs(javafx.scene.control.Label.class).getText().equals(CasePairPane.NONE));
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
        waitFor(10, TimeUnit.SECONDS, () -> cases.getItems().size() == 159);

        // A taller window gives its height to the cases, not to a blank strip under the gates: the overview stays as
        // tall as its rows need (it had less at 800 pixels).
        OverviewPane overviewPane = (OverviewPane) gates.getParent().getParent();
        robot.interact(() -> fixture.stage.setHeight(fixture.stage.getHeight() + 400));
        waitFor(10, TimeUnit.SECONDS, () -> Math.abs(overviewPane.getHeight() - (overviewPane.neededHeight() + 16)) < 3);
        // Once the reviewer drags the divider, it stays where it was put when the window changes again.
        javafx.scene.control.SplitPane split = FxWait.read(() -> {
            Node at = overviewPane;
            while (!(at instanceof javafx.scene.control.SplitPane)) at = at.getParent();
            return (javafx.scene.control.SplitPane) at;
        });
        Node divider = FxWait.read(() -> split.lookupAll(".split-pane-divider").stream().filter(d -> d.getParent() == split
                || d.getParent().getParent() == split).min(java.util.Comparator.comparingDouble(
                        d -> d.localToScene(d.getLayoutBounds()).getMinY())).orElseThrow());
        robot.drag(divider).dropBy(0, 80);
        waitFor(5, TimeUnit.SECONDS, () -> overviewPane.getHeight() > overviewPane.neededHeight() + 16 + 60);
        robot.interact(() -> fixture.stage.setHeight(fixture.stage.getHeight() + 100));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxWait.read(overviewPane::getHeight)).isGreaterThan(FxWait.read(overviewPane::neededHeight) + 16 + 60);
        // And higher than the gates need, to give the cases more room: the gates scroll (a minimum height held the
        // divider at the gates' height, and at 800 pixels the list kept three rows).
        robot.drag(divider).dropBy(0, -220);
        waitFor(5, TimeUnit.SECONDS, () -> overviewPane.getHeight() < overviewPane.neededHeight() + 16 - 100);

        // The next comparison opens with the reviewer's dividers, not the gates' height; so does the next start.
        double[] dragged = FxWait.read(split::getDividerPositions);
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.W);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#compare-gates").tryQuery().isEmpty());
        // The window on the screen again, for the clicks on the history below.
        robot.interact(() -> fixture.stage.setHeight(fixture.stage.getHeight() - 500));
        robot.clickOn(robot.lookup("#history-list .list-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#history-compare-baseline");
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-gates").tryQuery().isPresent()
                && robot.lookup("#compare-gates").queryAs(TableView.class).getItems().size() == 9);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // where the gates' arrival moved the divider before
        javafx.scene.control.SplitPane again = FxWait.read(() -> {
            Node at = robot.lookup("#compare-gates").query();
            while (!(at instanceof javafx.scene.control.SplitPane)) at = at.getParent();
            return (javafx.scene.control.SplitPane) at;
        });
        assertThat(again).isNotSameAs(split);
        waitFor(5, TimeUnit.SECONDS, () -> Math.abs(again.getDividerPositions()[0] - dragged[0]) < 0.01
                && Math.abs(again.getDividerPositions()[1] - dragged[1]) < 0.01);
        fixture.stop();
        waitFor(10, TimeUnit.SECONDS, () -> java.nio.file.Files.isRegularFile(fixture.settings)
                && new dev.evalbench.app.settings.SettingsFile(fixture.settings).load().dividers.containsKey("compare"));
        assertThat(new dev.evalbench.app.settings.SettingsFile(fixture.settings).load().dividers.get("compare"))
                .containsExactly(dragged, org.assertj.core.data.Offset.offset(0.01));
    }

    /** Where a node is drawn; asked on the FX thread, since bounds are computed lazily (see QuickRobot). */
    private static Bounds sceneBounds(Node n) {
        return FxWait.read(() -> n.localToScene(n.getLayoutBounds()));
    }

    /**
     * {@code inner} lies between {@code outer}'s top and bottom and starts at or right of its left edge, within half
     * a pixel (the borders of a row and its viewport may share a fractional edge).
     */
    private static boolean within(Bounds outer, Bounds inner) {
        return inner.getMinY() >= outer.getMinY() - 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5
                && inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMinX() < outer.getMaxX();
    }
}
