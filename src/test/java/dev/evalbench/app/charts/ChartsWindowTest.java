package dev.evalbench.app.charts;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.core.record.RunHeader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tab;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window over a history of two offline runs of the sample: the charts tab shows the newest run's
 * latency beside its baseline's (the run before it), the rate each gate measures (a leak rate marked as passing
 * low) and the p95 latency, tokens and cost per case of both runs; a click on the oldest run's point opens its results tab.
 */
@dev.evalbench.app.SharesFxToolkit
class ChartsWindowTest extends WindowTestBase {
    private RunHeader first;
    private RunHeader second;
    /** Mean tokens (in + out) per case of each run, counted from its stored summaries. */
    private final java.util.Map<String, Double> tokensPerCase = new java.util.HashMap<>();

    @BeforeEach
    void runTwiceThenStart() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        try (SampleHistory history = SampleHistory.of(fixture.workspace)) {
            first = history.run();
            second = history.run();
            for (RunHeader run : List.of(first, second)) {
                var cases = history.store.summaries(run.id());
                tokensPerCase.put(run.id(), cases.stream().mapToLong(c -> (long) c.tokensIn() + c.tokensOut()).sum() / (double) cases.size());
            }
        }
        fixture.start();
    }

    @Test
    void theChartsShowTheHistoryAndAClickOnAPointOpensThatRun() throws Exception {
        try (SampleHistory history = SampleHistory.of(fixture.workspace)) {
            history.store.tag(first.id(), "main");
        }
        robot.clickOn("#charts-button");
        dev.evalbench.app.FxWait.waitUntilShown(robot, "#charts-p95", 20, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        LineChart<String, Number> p95 = robot.lookup("#charts-p95").queryAs(LineChart.class);
        @SuppressWarnings("unchecked")
        LineChart<String, Number> rates = robot.lookup("#charts-rates").queryAs(LineChart.class);
        @SuppressWarnings("unchecked")
        BarChart<String, Number> latency = robot.lookup("#charts-latency").queryAs(BarChart.class);
        waitFor(60, TimeUnit.SECONDS, () -> p95.getData().size() == 1 && p95.getData().get(0).getData().size() == 2
                && latency.getData().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#charts-latency-title").queryAs(javafx.scene.control.Label.class).getText()).isEqualTo("Latency of run " + second.id()
                + " (159 cases) against baseline main, run " + first.id() + " (159 cases)");
        assertThat(dev.evalbench.app.FxWait.read(() -> latency.getData().stream().map(XYChart.Series::getName).toList()))
                .containsExactly("this run", "baseline (main)");
        int counted = latency.getData().get(0).getData().stream().mapToInt(d -> d.getYValue().intValue()).sum();
        assertThat(counted).isEqualTo(159);
        assertThat(latency.getYAxis().getLabel()).as("two runs of one size: counts").isEqualTo("cases");
        assertThat(rates.getData()).extracting(XYChart.Series::getName)
                .containsExactly("schema", "category-accuracy", "action-vs-baseline", "safety",
                        "no-leaks (lower passes)", "shipping-actions");
        assertThat(rates.getTitle()).isEqualTo("Rate each gate measures, per run");
        assertThat(rates.getYAxis().getLabel()).isEqualTo("rate (0 to 1)");
        assertThat(rates.getData().get(0).getData()).extracting(d -> d.getYValue().doubleValue())
                .allSatisfy(v -> assertThat(v).isEqualTo(157 / 159.0));
        for (String id : List.of("#charts-tokens", "#charts-cost")) {
            @SuppressWarnings("unchecked")
            LineChart<String, Number> chart = robot.lookup(id).queryAs(LineChart.class);
            assertThat(chart.getData().get(0).getData()).hasSize(2).allSatisfy(d -> assertThat(d.getYValue().doubleValue()).isPositive());
        }
        // Per case, so a run of some cases (a rerun of the failing ones, one suite) reads beside a full one.
        @SuppressWarnings("unchecked")
        LineChart<String, Number> tokens = robot.lookup("#charts-tokens").queryAs(LineChart.class);
        assertThat(tokens.getTitle()).isEqualTo("Tokens per case (in + out, mean)");
        assertThat(tokens.getData().get(0).getData()).allSatisfy(d -> assertThat(d.getYValue().doubleValue())
                .isCloseTo(tokensPerCase.get(((dev.evalbench.core.service.RunTrends.Point) d.getExtraValue()).runId()),
                        org.assertj.core.data.Offset.offset(1e-9)));
        // Its tooltip gives the run's total beside the mean.
        Node point = tokens.getData().get(0).getData().get(0).getNode();
        javafx.scene.control.Tooltip tip = (javafx.scene.control.Tooltip) point.getProperties().get("javafx.scene.control.Tooltip");
        assertThat(tip.getText()).containsPattern("tokens per case: [0-9,.]+\\n[0-9,]+ tokens over 159 cases\\nrun " + first.id());

        WaitForAsyncUtils.waitForFxEvents();
        // The charts are drawn again when the runs list refreshes, their points new nodes then: a point found just before
        // that left the scene before the click reached it (TestFX: "scene is null"), so it is found again.
        for (int attempt = 1; ; attempt++) {
            Node oldest = robot.lookup("#charts-p95 .run-point").match((Node n) -> first.id().equals(n.getUserData()))
                    .queryAs(Node.class);
            try {
                robot.clickOn(oldest);
                break;
            } catch (RuntimeException gone) {
                if (attempt == 3 || dev.evalbench.app.FxWait.read(oldest::getScene) != null) throw gone;
            }
        }
        waitFor(20, TimeUnit.SECONDS, () -> {
            Tab selected = fixture.workbench().window().tabs().getSelectionModel().getSelectedItem();
            return selected != null && ("results-tab-" + first.id()).equals(selected.getId());
        });
        assertThat(robot.lookup("#results-table").tryQuery()).isPresent();
    }
    /**
     * A traffic run in the history is marked on the axis (its requests are production's, not the eval set's) and is
     * no baseline for the newest eval run: the chart read "against baseline ... (500 cases)", the traffic run.
     */
    @Test
    void aTrafficRunIsMarkedOnTheAxisAndIsNoBaselineOfAnEvalRun() throws Exception {
        RunHeader traffic;
        RunHeader third;
        try (SampleHistory history = SampleHistory.of(fixture.workspace)) {
            traffic = history.importTraffic("control.jsonl");
            third = history.run();
        }
        robot.clickOn("#charts-button");
        dev.evalbench.app.FxWait.waitUntilShown(robot, "#charts-p95", 20, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        LineChart<String, Number> p95 = robot.lookup("#charts-p95").queryAs(LineChart.class);
        waitFor(60, TimeUnit.SECONDS, () -> p95.getData().size() == 1 && p95.getData().get(0).getData().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dev.evalbench.app.FxWait.read(() -> p95.getData().get(0).getData().stream().map(XYChart.Data::getXValue).toList()))
                .satisfiesExactly(a -> assertThat(a).startsWith("#1 ").doesNotContain("traffic"),
                        b -> assertThat(b).startsWith("#2 ").doesNotContain("traffic"),
                        c -> assertThat(c).startsWith("#3 ").endsWith(" traffic"),
                        d -> assertThat(d).startsWith("#4 ").doesNotContain("traffic"));
        javafx.scene.control.Label title = robot.lookup("#charts-latency-title").queryAs(javafx.scene.control.Label.class);
        waitFor(20, TimeUnit.SECONDS, () -> title.getText() != null && title.getText().startsWith("Latency of run " + third.id() + " ("));
        assertThat(dev.evalbench.app.FxWait.read(title::getText))
                .isEqualTo("Latency of run " + third.id() + " (159 cases) against the run before it, " + second.id()
                        + " (159 cases)");
        // No run is tagged main: the run before it is drawn, and said to be that, not "baseline".
        @SuppressWarnings("unchecked")
        BarChart<String, Number> latency = robot.lookup("#charts-latency").queryAs(BarChart.class);
        assertThat(dev.evalbench.app.FxWait.read(() -> latency.getData().stream().map(XYChart.Series::getName).toList()))
                .containsExactly("this run", "the run before");
        assertThat(traffic.kind()).isEqualTo(dev.evalbench.core.record.RunKind.TRAFFIC);
    }

    /**
     * The tab opened anew draws the newest run, whatever it drew when it was closed; and it goes with the workspace whose
     * history it charts. Left open over a new workspace with no runs, it read "Latency of run (a run of the other
     * history) (0 cases); no baseline".
     */
    @Test
    void theTabOpenedAnewDrawsTheNewestRunAndGoesWithItsWorkspace() throws Exception {
        // The oldest run's results, and its charts from there.
        robot.doubleClickOn(robot.lookup("#history-list .list-cell").nth(1).queryAs(Node.class));
        waitFor(30, TimeUnit.SECONDS, () -> ("results-tab-" + first.id()).equals(selectedTabId()));
        robot.clickOn(robot.lookup("#results-charts-button").match(Node::isVisible).queryAs(Node.class));
        dev.evalbench.app.FxWait.waitUntilShown(robot, "#charts-p95", 20, TimeUnit.SECONDS);
        javafx.scene.control.Label title = robot.lookup("#charts-latency-title").queryAs(javafx.scene.control.Label.class);
        waitFor(30, TimeUnit.SECONDS, () -> title.getText().startsWith("Latency of run " + first.id() + " ("));

        robot.interact(() -> fixture.workbench().window().tabs().getTabs().removeIf(t -> "charts-tab".equals(t.getId())));
        robot.clickOn("#charts-button");
        javafx.scene.control.Label reopened = robot.lookup("#charts-latency-title").queryAs(javafx.scene.control.Label.class);
        waitFor(30, TimeUnit.SECONDS, () -> reopened.getText().startsWith("Latency of run " + second.id() + " ("));

        java.nio.file.Path empty = temp.resolve("invoice-extraction").toAbsolutePath();
        dev.evalbench.cli.Cli.copyTree(java.nio.file.Path.of("workspaces/invoice-extraction"), empty);
        robot.interact(() -> fixture.workbench().session().open(empty));
        waitFor(30, TimeUnit.SECONDS, () -> empty.equals(fixture.workbench().session().folder())
                && !dev.evalbench.app.FxWait.read(() -> fixture.workbench().session().loadingProperty().get()));
        assertThat(dev.evalbench.app.FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream()
                .map(Tab::getId).toList())).as("the other history's charts").doesNotContain("charts-tab");
        robot.clickOn("#charts-button");
        javafx.scene.control.Label problem = robot.lookup("#charts-problem").queryAs(javafx.scene.control.Label.class);
        waitFor(30, TimeUnit.SECONDS, () -> "No finished runs yet: Ctrl+R runs the workspace.".equals(problem.getText()));
        assertThat(dev.evalbench.app.FxWait.read(() -> robot.lookup("#charts-latency-title")
                .queryAs(javafx.scene.control.Label.class).getText())).isEmpty();
    }

    private String selectedTabId() {
        return dev.evalbench.app.FxWait.read(() -> {
            Tab t = fixture.workbench().window().tabs().getSelectionModel().getSelectedItem();
            return t == null ? null : t.getId();
        });
    }
}
