package dev.evalbench.app.charts;

import atlantafx.base.theme.Styles;
import dev.evalbench.core.service.LatencyDistribution;
import dev.evalbench.core.service.RunTrends;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The charts tab (JavaFX's own charts): one run's latency distribution beside its baseline's, and across the
 * history the pass rate of each gate, the p95 latency, and the tokens and the cost per case. Clicking a point of a
 * history chart opens that run's results (and shows its distribution). Bound to a {@link ChartsViewModel};
 * FX thread only.
 */
final class ChartsView extends ScrollPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private final ChartsViewModel vm;
    private final ZoneId zone;
    private final Consumer<RunTrends.Point> open;
    private final BarChart<String, Number> latency = new BarChart<>(new CategoryAxis(), axis("cases"));
    private final LineChart<String, Number> rates = line("charts-rates", "rate (0 to 1)");
    /** The top row's height, and what the rates chart needs beyond one legend row per gate (title, padding). */
    private static final double RATES_HEIGHT = 300;
    private static final double LEGEND_CHROME = 80;
    private static final double LEGEND_ROW = 24;
    private final LineChart<String, Number> p95 = line("charts-p95", "ms");
    private final LineChart<String, Number> tokens = line("charts-tokens", "tokens");
    private final LineChart<String, Number> cost = line("charts-cost", "USD");

    /** @param open opens a run's results (a click on a point) */
    ChartsView(ChartsViewModel vm, ZoneId zone, Consumer<RunTrends.Point> open) {
        this.vm = vm;
        this.zone = zone;
        this.open = open;
        setId("charts-view");
        getStylesheets().add(ChartsView.class.getResource("charts.css").toExternalForm());
        setFitToWidth(true);
        // Opaque viewport: the window's "nothing open" hint lies under the tabs.
        setStyle("-fx-background: -color-bg-default; -fx-background-color: -color-bg-default;");
        latency.setId("charts-latency");
        latency.setAnimated(false);
        latency.setBarGap(1);
        latency.setCategoryGap(6);
        latency.setTitle("Latency distribution");
        Label latencyTitle = new Label();
        latencyTitle.setId("charts-latency-title");
        latencyTitle.getStyleClass().add(Styles.TEXT_BOLD);
        latencyTitle.setWrapText(true);
        latencyTitle.textProperty().bind(vm.distributionTitleProperty());
        latencyTitle.managedProperty().bind(latencyTitle.textProperty().isNotEmpty());
        latency.getXAxis().setLabel("latency (ms)");
        vm.distributionProperty().addListener((o, was, now) -> showDistribution(now));
        vm.points().addListener((ListChangeListener<RunTrends.Point>) c -> showHistory(vm.points()));
        rates.setTitle("Rate each gate measures, per run");
        p95.setTitle("p95 latency per run");
        // Per case, not per run: a rerun of the failing cases or one suite is a fraction of a full run, and its total
        // read as a drop to a sixth (190,783 tokens, then 32,831 for 27 cases of the same prompt).
        tokens.setTitle("Tokens per case (in + out, mean)");
        cost.setTitle("Cost per case (mean)");
        ((NumberAxis) rates.getYAxis()).setAutoRanging(false);
        ((NumberAxis) rates.getYAxis()).setLowerBound(0);
        ((NumberAxis) rates.getYAxis()).setUpperBound(1);
        ((NumberAxis) rates.getYAxis()).setTickUnit(0.1);
        // The legend beside the lines, one gate a row: below them, a workspace of 11 gates needed 6 rows, and
        // JavaFX drops a legend that leaves the plot under 200 px, so the lines had no names at all.
        rates.setLegendSide(javafx.geometry.Side.RIGHT);
        latency.setPrefHeight(300);
        latency.setMinWidth(300);
        latency.setPrefWidth(200);
        HBox top = new HBox(12, latency, rates);
        HBox bottom = new HBox(12, p95, tokens, cost);
        for (Node chart : List.of(latency, rates, p95, tokens, cost)) HBox.setHgrow(chart, Priority.ALWAYS);
        Label hint = new Label("Left: one run's latency against its baseline's. Then, across the history (oldest left,"
                + " #1 = oldest): click a point to open that run's results; the latency chart then shows that run.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        Label problem = new Label();
        problem.setId("charts-problem");
        problem.getStyleClass().add(Styles.TEXT_MUTED);
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        VBox body = new VBox(10, problem, latencyTitle, hint, top, bottom);
        // Opaque: the window's "nothing open" hint lies under the tabs.
        body.setStyle("-fx-padding: 10; -fx-background-color: -color-bg-default;");
        setContent(body);
        showHistory(vm.points());
    }

    private void showDistribution(LatencyDistribution d) {
        latency.getData().clear();
        if (d == null) return;
        XYChart.Series<String, Number> run = new XYChart.Series<>();
        run.setName("this run");
        XYChart.Series<String, Number> base = new XYChart.Series<>();
        base.setName(vm.distributionBaseProperty().get());
        for (LatencyDistribution.Bin b : d.bins()) {
            run.getData().add(new XYChart.Data<>(b.label(), d.runHeight(b)));
            base.getData().add(new XYChart.Data<>(b.label(), d.baselineHeight(b)));
        }
        latency.getYAxis().setLabel(d.asShares() ? "% of its cases" : "cases");
        latency.getData().add(run);
        if (d.baseCases() > 0) latency.getData().add(base);
    }

    private void showHistory(List<RunTrends.Point> points) {
        Map<String, XYChart.Series<String, Number>> gates = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            RunTrends.Point p = points.get(i);
            String x = label(i, p);
            for (Map.Entry<String, Double> rate : p.gateRates().entrySet()) {
                // A rate that passes low (a leak rate at 0) says so: beside the pass rates it would read as failing.
                String name = p.lowerPasses().contains(rate.getKey()) ? rate.getKey() + " (lower passes)"
                        : rate.getKey();
                gates.computeIfAbsent(name, id -> named(id)).getData().add(new XYChart.Data<>(x, rate.getValue(), p));
            }
        }
        rates.getData().setAll(gates.values());
        // Tall enough for the legend's one column of names beside the plot (JavaFX drops a legend that does not fit).
        rates.setMinHeight(Math.max(RATES_HEIGHT, LEGEND_CHROME + LEGEND_ROW * gates.size()));
        p95.getData().setAll(List.of(series("p95 latency (ms)", points, RunTrends.Point::p95LatencyMs)));
        tokens.getData().setAll(List.of(series("tokens per case", points, t -> (double) t.tokens() / t.cases())));
        cost.getData().setAll(List.of(series("cost per case (USD)", points, t -> t.costUsd() / t.cases())));
        for (LineChart<String, Number> chart : List.of(rates, p95, tokens, cost)) clickable(chart);
    }

    private XYChart.Series<String, Number> series(String name, List<RunTrends.Point> points, ToDoubleFunction<RunTrends.Point> value) {
        XYChart.Series<String, Number> s = named(name);
        for (int i = 0; i < points.size(); i++) {
            double v = value.applyAsDouble(points.get(i));
            if (Double.isFinite(v)) s.getData().add(new XYChart.Data<>(label(i, points.get(i)), v, points.get(i)));
        }
        return s;
    }

    /** Each point's symbol opens its run; the tooltip names the run and the value. */
    private void clickable(LineChart<String, Number> chart) {
        for (XYChart.Series<String, Number> s : chart.getData()) {
            for (XYChart.Data<String, Number> d : s.getData()) {
                Node symbol = d.getNode();
                if (symbol == null || !(d.getExtraValue() instanceof RunTrends.Point p)) continue;
                symbol.getStyleClass().add("run-point");
                symbol.setUserData(p.runId());
                Tooltip.install(symbol, new Tooltip(s.getName() + ": " + format(d.getYValue().doubleValue())
                        + totals(chart, p) + "\nrun " + p.runId() + "\nclick to open its results"));
                symbol.setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY) {
                        open.accept(p);
                        vm.showDistribution(p.runId());
                    }
                });
            }
        }
    }

    /** Under a mean per case, the run's total it came from (a line of its own), or nothing for the other charts. */
    private String totals(LineChart<String, Number> chart, RunTrends.Point p) {
        String cases = String.format(Locale.ROOT, "%,d cases", p.cases());
        if (chart == tokens) return String.format(Locale.ROOT, "\n%,d tokens over ", p.tokens()) + cases;
        if (chart == cost) return "\n" + format(p.costUsd()) + " USD over " + cases;
        return "";
    }

    /** "#3 09:12"; a traffic or shadow run says so ("#1 09:05 traffic"): its requests are not the eval set's cases. */
    private String label(int index, RunTrends.Point p) {
        String kind = p.kind() == null || p.kind() == dev.evalbench.core.record.RunKind.EVAL ? ""
                : " " + p.kind().name().toLowerCase(Locale.ROOT);
        return "#" + (index + 1) + (p.startedAt() == null ? "" : " " + WHEN.format(p.startedAt().atZone(zone))) + kind;
    }

    private static String format(double v) {
        return Math.abs(v) < 0.01 && v != 0 ? String.format(Locale.ROOT, "%.6f", v) : String.format(Locale.ROOT, "%,.3f", v);
    }

    private static XYChart.Series<String, Number> named(String name) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis();
        a.setLabel(label);
        a.setForceZeroInRange(true);
        return a;
    }

    private static LineChart<String, Number> line(String id, String unit) {
        LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), axis(unit));
        chart.setId(id);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setPrefHeight(300);
        chart.setMinWidth(220);
        chart.setPrefWidth(200);
        return chart;
    }
}
