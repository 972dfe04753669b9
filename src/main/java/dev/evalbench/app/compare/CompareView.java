package dev.evalbench.app.compare;

import atlantafx.base.theme.Styles;
import dev.evalbench.app.results.CaseFilter;
import dev.evalbench.core.compare.ReviewCase;
import dev.evalbench.core.compare.ReviewStatus;
import dev.evalbench.core.record.CaseSummary;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Two runs compared for review: which runs, the headline counts, the overview (tuple diff, gate deltas,
 * metric movements), the filter bar, every case aligned by id (regressions first; a virtualized table with
 * fixed row height), and the selected case's input and two outputs side by side. J / K walk regressions and
 * M marks a case reviewed (installed by {@link CompareTabs}). Bound to a {@link CompareViewModel}; FX thread only.
 */
public final class CompareView extends VBox implements dev.evalbench.app.fx.Filterable {
    static final double ROW_HEIGHT = 24;
    private final CompareViewModel vm;
    private final ReviewFilterBar filterBar;
    private final TableView<ReviewCase> table = new TableView<>();
    private final CasePairPane pair = new CasePairPane();
    /** Buttons other features add to the comparison ({@link #addAction}). */
    private final HBox actions = new HBox(4);
    /** The table's rows once its skin made them (looked up once). */
    private javafx.scene.control.skin.VirtualFlow<?> rows;

    /**
     * @param runs         the two runs in words, e.g. "run 2026… (history) → report 2026… (report.json)"
     * @param keptDividers where the dividers a reviewer drags are kept for later comparisons ({@link CompareSplit})
     */
    public CompareView(CompareViewModel vm, String runs, java.util.Map<String, double[]> keptDividers) {
        this.vm = vm;
        this.filterBar = new ReviewFilterBar(vm);
        getStylesheets().add(CompareView.class.getResource("compare.css").toExternalForm());
        getStyleClass().add("compare-view");
        Label which = new Label(runs);
        which.setId("compare-runs");
        which.getStyleClass().add(Styles.TEXT_MUTED);
        Label headline = new Label();
        headline.setId("compare-headline");
        headline.getStyleClass().add(Styles.TEXT_BOLD);
        headline.textProperty().bind(vm.headlineProperty());
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        // How many regressions are left to review sits beside the counts it is read with, where it has room;
        // the filter bar below is full at a laptop's width.
        Label remaining = new Label();
        remaining.setId("compare-remaining");
        remaining.getStyleClass().add(Styles.TEXT_BOLD);
        remaining.textProperty().bind(vm.remainingProperty());
        remaining.setMinWidth(Region.USE_PREF_SIZE);
        HBox counts = new HBox(16, headline, remaining);
        // A sentence, not a count: on its own line and wrapped, where the counts' line would cut it.
        Label scope = new Label();
        scope.setId("compare-scope");
        scope.getStyleClass().add(Styles.TEXT_MUTED);
        scope.setWrapText(true);
        // Its lines whole: the view shrinks its top to the children's minimum heights when the window is short, and a
        // label's minimum is one line, cut.
        scope.setMinHeight(Region.USE_PREF_SIZE);
        scope.textProperty().bind(vm.scopeProperty());
        scope.managedProperty().bind(scope.textProperty().isNotEmpty());
        scope.visibleProperty().bind(scope.managedProperty());
        // The runs' line carries the comparison's actions at its right end (Export report…, added by the reports).
        which.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(which, Priority.ALWAYS);
        HBox runsLine = new HBox(8, which, actions);
        runsLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox top = new VBox(2, runsLine, counts, scope, problem);
        top.setStyle("-fx-padding: 4 6 0 6;");

        OverviewPane overview = new OverviewPane(vm);
        overview.setStyle("-fx-padding: 0 6 4 6;");

        table.setId("compare-table");
        table.setFixedCellSize(ROW_HEIGHT);
        table.setItems(vm.visible());
        // The case read below was filtered out of the list (a gate or a metric clicked, a filter typed): the first
        // case listed is read instead, so the pane below always shows a case of the list while it lists any. After
        // the layout: the table lets go of its selection in its own listener of the same change.
        vm.visible().addListener((javafx.collections.ListChangeListener<ReviewCase>) change ->
                dev.evalbench.app.fx.AfterLayout.runIn(table, () -> {
                    if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) table.getSelectionModel().select(0);
                }));
        // A column title is never cut ("Seco…", "Revie…"): each column at least as wide as its title, once styled.
        dev.evalbench.app.fx.FitColumns.toHeadersOnceShown(table);
        TableColumn<ReviewCase, String> suite = text("Suite", 80, r -> r.either().key().suite());
        // Runs of several routes pair each case once per route: without the route, "t001" was listed twice, alike.
        TableColumn<ReviewCase, String> route = text("Route", 80, r -> r.either().key().route());
        route.setVisible(false);
        TableColumn<ReviewCase, String> firstDecision = text("First decision", 140, r -> decision(r.before()));
        TableColumn<ReviewCase, String> secondDecision = text("Second decision", 140, r -> decision(r.after()));
        table.getColumns().setAll(List.of(status(), text("Case", 140, r -> r.either().key().caseId()), suite, route,
                text("First run", 80, r -> verdict(r.before())), text("Second run", 80, r -> verdict(r.after())),
                firstDecision, secondDecision, text("Reviewed", 80, r -> vm.isReviewed(r) ? "✓ reviewed" : "")));
        table.setPlaceholder(new Label("Reading both runs…"));
        // Nor a suite name ("extract…"), a route or a decision ("escalate (reject…"): the few distinct values, measured
        // once both runs are read (every case is shown then). The route only when the runs have more than one.
        vm.suites().addListener((javafx.collections.ListChangeListener<String>) change ->
                dev.evalbench.app.fx.AfterLayout.runIn(table, () -> {
                    dev.evalbench.app.fx.FitColumns.toValues(table, suite, vm.suites());
                    List<String> routes = vm.visible().stream().map(r -> r.either().key().route()).distinct().toList();
                    route.setVisible(routes.size() > 1);
                    dev.evalbench.app.fx.FitColumns.toValues(table, route, routes);
                    List<String> decisions = vm.visible().stream().flatMap(r -> java.util.stream.Stream.of(
                            decision(r.before()), decision(r.after()))).distinct().toList();
                    dev.evalbench.app.fx.FitColumns.toValues(table, firstDecision, decisions);
                    dev.evalbench.app.fx.FitColumns.toValues(table, secondDecision, decisions);
                }));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedProperty().set(now));
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.clearFilter();
                e.consume();
            }
        });
        // Once both runs are read: a gate with no case behind it says so, rather than that the filter matched nothing.
        Label noMatch = new Label("No case matches the filter.");
        noMatch.setId("compare-no-match");
        noMatch.setWrapText(true);
        vm.movedProperty().addListener((o, was, gate) -> noMatch.setText(
                gate != null && gate.keys().isEmpty() && gate.description() != null
                        ? gate.description() : "No case matches the filter."));
        vm.firstShownProperty().addListener((o, was, first) -> {
            table.setPlaceholder(noMatch);
            if (first != null) {
                table.getSelectionModel().clearAndSelect(table.getItems().indexOf(first));
                table.scrollTo(0);
            }
        });
        vm.detailProperty().addListener((o, was, now) -> pair.show(now));
        // Marks read back from where they were kept change the Reviewed column of rows already shown.
        vm.remainingProperty().addListener((o, was, now) -> table.refresh());
        MovementsStrip movements = new MovementsStrip(overview.movements);
        VBox list = new VBox(movements, filterBar, table);
        VBox.setVgrow(table, Priority.ALWAYS);

        // No minimum heights: the divider positions decide, and a part too short scrolls or clips. The selected
        // case scrolls as a whole: its two outputs keep the lines they need to be read (OutputPanes) and the
        // numbers below them scroll into view, rather than the outputs being squeezed to their scroll bars.
        list.setMinHeight(0);
        table.setMinHeight(0);
        ScrollPane pairScroll = splitPart("compare-case-scroll", pair);
        // A canary's verdict heads the first part, with the gates: the dividers share the height among the three, and
        // above them it left a laptop's list no row at all.
        CanaryVerdictPane canary = new CanaryVerdictPane(vm.canaryProperty());
        canary.setStyle("-fx-padding: 0 6 4 6;");
        VBox first = new VBox(canary, overview) {
            // Under a canary's verdict, read whole, the first gate rows at least: the part scrolls to them when shorter
            // (on a laptop's screen the verdict took all of it, the gates out of reach). Without a verdict, no minimum:
            // the gates scroll in their table, and the reviewer may drag the divider above them.
            @Override
            protected double computeMinHeight(double width) {
                return canary.isManaged() ? canary.prefHeight(width) + Math.min(overview.neededHeight(), 5 * ROW_HEIGHT) : 0;
            }
        };
        VBox.setVgrow(overview, Priority.ALWAYS);
        ScrollPane firstScroll = splitPart("compare-overview-scroll", first);
        SplitPane split = new SplitPane(firstScroll, list, pairScroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.24, 0.56);
        // The list: the movements, the filter bar, and the table's header, three rows and scroll bar (five rows' worth);
        // under a canary's verdict, whose requests pair with none, a header and two rows.
        CompareSplit.install(split, () -> (canary.isManaged() ? canary.prefHeight(first.getWidth()) : 0)
                + overview.neededHeight(), () -> movements.prefHeight(list.getWidth()) + filterBar.prefHeight(list.getWidth())
                + (canary.isManaged() ? 3 : 5) * ROW_HEIGHT, canary::isManaged, keptDividers, vm.overviewProperty(),
                vm.canaryProperty(), canary.heightProperty(), movements.heightProperty());
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(top, split);
    }

    /** A part of the view's split: as wide as the view, as tall as its share (or its content, then it scrolls). */
    private static ScrollPane splitPart(String id, Node content) {
        ScrollPane part = new ScrollPane(content);
        part.setId(id);
        part.setFitToWidth(true);
        part.setFitToHeight(true);
        part.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        part.setMinHeight(0);
        return part;
    }

    /** Adds a button at the right end of the runs' line, drawn whole however long that line is. */
    public void addAction(Node action) {
        if (action instanceof javafx.scene.control.Control c) c.setMinWidth(Region.USE_PREF_SIZE);
        actions.getChildren().add(action);
    }

    private static String verdict(CaseSummary s) {
        if (s == null) return "—";
        String v = CaseFilter.verdictOf(s);
        return v.equals(CaseFilter.FAIL) ? "FAIL" : v;
    }

    private static String decision(CaseSummary s) {
        if (s == null || s.finalAction() == null) return "—";
        return dev.evalbench.core.record.DecisionWords.of(s.finalAction(), s.accepted(), null);
    }

    private static TableColumn<ReviewCase, String> text(String title, double width, Function<ReviewCase, String> value) {
        TableColumn<ReviewCase, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    /** The status as an icon and a word, so it reads without colour. */
    private static TableColumn<ReviewCase, String> status() {
        // As wide as its longest word, "only in the second run", with the icon: at 170 it read "only in the first r...".
        TableColumn<ReviewCase, String> c = text("Status", 205, r -> r.status().label());
        c.setCellFactory(col -> new TableCell<>() {
            /** The status shown now: a row scrolled in with the same status keeps its icon and colours. */
            private ReviewStatus shown;

            @Override
            protected void updateItem(String word, boolean empty) {
                super.updateItem(word, empty);
                ReviewStatus status = empty || word == null ? null
                        : java.util.Arrays.stream(ReviewStatus.values()).filter(s -> s.label().equals(word)).findFirst().orElse(null);
                if (status == shown) return;
                shown = status;
                if (status == null) {
                    setText(null);
                    setGraphic(null);
                    setStyle(null);
                    return;
                }
                String[] look = switch (status) {
                    case REGRESSED -> new String[] {"fth-arrow-down-circle", "danger"};
                    case IMPROVED -> new String[] {"fth-arrow-up-circle", "success"};
                    case OTHER_OUTPUT -> new String[] {"fth-edit-3", "accent"};
                    case UNCHANGED -> new String[] {"fth-minus", "fg-muted"};
                    default -> new String[] {"fth-help-circle", "warning"};
                };
                FontIcon icon = new FontIcon(look[0]);
                String colour = look[1].startsWith("fg") ? "-color-" + look[1] : "-color-" + look[1] + "-fg";
                // Appended: the icon keeps its font in its own inline style.
                icon.setStyle(icon.getStyle() + "-fx-icon-color: " + colour + ";");
                setGraphic(icon);
                setText(word);
                setStyle("-fx-text-fill: " + colour + ";");
            }
        });
        return c;
    }

    /** Ctrl+F. */
    @Override
    public void focusFilter() {
        filterBar.text.requestFocus();
        filterBar.text.selectAll();
    }

    /**
     * J (step 1) / K (step -1): selects and shows the next or previous regression. The list scrolls only when that
     * row is not well inside the rows shown (then it comes up to the fourth row): scrolling redraws every row,
     * and J in a run of regressions mostly lands on the row below.
     */
    public void moveToRegression(int step) {
        int at = CompareViewModel.nextRegression(table.getItems(), table.getSelectionModel().getSelectedIndex(), step);
        if (at < 0) return;
        table.getSelectionModel().clearAndSelect(at);
        if (!wellInView(at)) table.scrollTo(Math.max(0, at - 3));
        table.requestFocus();
    }

    /** Whether row {@code at} is shown with at least one row below it and, unless it is the first, one above it. */
    private boolean wellInView(int at) {
        if (rows == null && table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) rows = flow;
        if (rows == null) return false;
        var first = rows.getFirstVisibleCell();
        var last = rows.getLastVisibleCell();
        return first != null && last != null && (at == 0 || at > first.getIndex()) && at < last.getIndex();
    }

    /** I: the selected case's input shown whole, or its first lines again ({@link CasePairPane#toggleWholeInput}). */
    public void toggleWholeInput() {
        pair.toggleWholeInput();
    }

    /** M: marks the selected case reviewed (again: not reviewed). */
    public void toggleReviewed() {
        vm.toggleReviewed(table.getSelectionModel().getSelectedItem());
        table.refresh();
    }

    public CompareViewModel viewModel() {
        return vm;
    }

    public TableView<ReviewCase> table() {
        return table;
    }
}
