package dev.evalbench.app.results;

import dev.evalbench.app.fx.AfterLayout;
import dev.evalbench.app.fx.ContextMenuKeys;
import dev.evalbench.core.record.CaseSummary;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.WindowEvent;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The results of one run: the gates panel on top, the filter bar, and one virtualized table of every case
 * (fixed row height, so 10,000 rows scroll without measuring). Sorting is the table's own, over the filtered
 * rows. Esc in the table clears the filter. Bound to a {@link ResultsViewModel}; FX thread only.
 */
public final class ResultsView extends VBox implements dev.evalbench.app.fx.Filterable {
    public static final double ROW_HEIGHT = 24;
    /** Where a column of names starts, before its header and the run's names widen it. */
    private static final double NARROW = 40;
    /** How many of the longest case ids are measured for the Case column. */
    private static final int LONGEST_IDS = 20;
    private final ResultsViewModel vm;
    private final FilterBar filterBar;
    private final TableView<CaseSummary> table = new TableView<>();
    private final HBox actions = new HBox(6);
    /** The table's menu (right click, Shift+F10): copying the selected case's id, and what other features add. */
    private final ContextMenu menu = new ContextMenu();
    private final Node gates;

    /** @param gates the gates panel of the same run, shown above the filter */
    public ResultsView(ResultsViewModel vm, Node gates) {
        this.gates = gates;
        this.vm = vm;
        this.filterBar = new FilterBar(vm);
        getStyleClass().add("results-view");
        table.setId("results-table");
        table.setFixedCellSize(ROW_HEIGHT);
        SortedList<CaseSummary> sorted = new SortedList<>(vm.visible());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        // The name columns start narrow and grow to the names the run has (below): with a run of short ids and
        // one route, every column but the tags fits beside the side panes on a 1440-pixel screen, not behind a
        // sideways scroll.
        TableColumn<CaseSummary, String> id = CaseColumns.text("Case", NARROW, s -> s.key().caseId());
        TableColumn<CaseSummary, String> suite = CaseColumns.text("Suite", NARROW, s -> s.key().suite());
        TableColumn<CaseSummary, String> decision =
                CaseColumns.text("Decision", NARROW, ResultsViewModel::decisionShown);
        TableColumn<CaseSummary, String> route = CaseColumns.text("Route", NARROW, ResultsViewModel::routeShown);
        // What a reader looks for first comes first; the tags, long and also in the detail, come last.
        table.getColumns().setAll(java.util.List.of(
                id,
                suite,
                CaseColumns.verdict(),
                decision,
                CaseColumns.text("Schema", 75, CaseFilter::schemaOf),
                CaseColumns.number("Latency", 80, CaseSummary::latencyMs, " ms"),
                CaseColumns.number("Tokens", 70, s -> s.tokensIn() + s.tokensOut(), ""),
                route,
                CaseColumns.text("Tags", 110, s -> String.join(", ", s.tags()))));
        // A header is never cut ("Sche…", "Laten…"): each column at least as wide as its title, once styled.
        dev.evalbench.app.fx.FitColumns.toHeadersOnceShown(table);
        // Nor a name ("extrac…"): few suites, routes and decisions among many rows, and the longest ids, measured
        // once every row is read.
        vm.loadedProperty().addListener((o, was, now) -> dev.evalbench.app.fx.AfterLayout.runIn(table, () -> {
            Iterable<String> ids = () -> vm.all().stream().map(s -> s.key().caseId()).iterator();
            List<String> longest = dev.evalbench.app.fx.FitColumns.longest(ids, LONGEST_IDS);
            dev.evalbench.app.fx.FitColumns.toValues(table, id, longest);
            dev.evalbench.app.fx.FitColumns.toValues(table, suite, vm.suites());
            dev.evalbench.app.fx.FitColumns.toValues(table, decision, vm.decisions());
            dev.evalbench.app.fx.FitColumns.toValues(table, route, vm.routes());
        }));
        table.setPlaceholder(new Label("Reading the run…"));
        // A run that stored no case (the model answered none, the breaker kept every call) is not a filter's doing.
        Label empty = new Label();
        empty.setId("results-empty");
        empty.setWrapText(true);
        empty.setStyle("-fx-padding: 8;");
        Runnable sayWhyEmpty = () -> empty.setText(vm.all().isEmpty()
                ? "This run stored no case: the gates above say why." : "No case matches the filter.");
        vm.loadedProperty().addListener((o, was, now) -> {
            sayWhyEmpty.run();
            table.setPlaceholder(empty);
        });
        table.getItems().addListener((ListChangeListener<CaseSummary>) c -> sayWhyEmpty.run());
        vm.loadProblemProperty().addListener((o, was, now) -> table.setPlaceholder(new Label(now)));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedProperty().set(now));
        // A run of one case (the editor's "Run case") is run to be read: its case is shown in the detail at once.
        vm.loadedProperty().addListener((o, was, now) -> {
            if (now && vm.all().size() == 1 && table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        });
        // A filter, not a handler: the table's own behaviour would take Esc first.
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.clearFilter();
                e.consume();
            }
        });
        installCopyId();
        VBox.setVgrow(table, Priority.ALWAYS);
        if (gates != null) getChildren().add(gates);
        // A row above the filter bar, which is full: on the left the gate whose cases the table shows (in the bar
        // it squeezed the text field to "Filte"), on the right other features' actions on this run. The row takes
        // no room while both are empty.
        actions.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        HBox.setHgrow(actions, Priority.ALWAYS);
        HBox row = new HBox(6, filterBar.scopeBox, actions);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.setStyle("-fx-padding: 2 6 0 6;");
        row.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(actions.getChildren())
                .or(filterBar.scopeBox.visibleProperty()));
        row.visibleProperty().bind(row.managedProperty());
        actions.setId("results-actions");
        iconsWhenNarrow(row);
        getChildren().addAll(row, filterBar, table);
    }

    /**
     * The actions' buttons show only their icons (their tooltips name them) while the row is too narrow for their
     * words beside the gate's chip: at 1280 pixels, with a gate chosen, "Baseline" and "Previous" were cut to "Bas…"
     * and "Prev…" (the actions' group gave way first). Words again once the row has room.
     */
    private void iconsWhenNarrow(HBox row) {
        Runnable fit = () -> {
            List<ButtonBase> buttons = buttonsIn(actions);
            buttons.forEach(b -> b.setContentDisplay(ContentDisplay.LEFT));
            double needed = row.snappedLeftInset() + row.snappedRightInset();
            for (Node child : row.getChildren()) {
                if (child.isManaged()) needed += child.prefWidth(-1) + row.getSpacing();
            }
            boolean narrow = row.getWidth() > 0 && row.getWidth() < needed - row.getSpacing();
            if (narrow) buttons.forEach(b -> b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY));
        };
        // Measured once laid out: a chip or a button that just appeared has no style yet, nor its width.
        Runnable later = () -> AfterLayout.runIn(row, fit);
        row.widthProperty().addListener((o, was, now) -> later.run());
        filterBar.scopeBox.visibleProperty().addListener((o, was, now) -> later.run());
        filterBar.scope.textProperty().addListener((o, was, now) -> later.run());
        actions.getChildren().addListener((ListChangeListener<Node>) c -> later.run());
    }

    private static List<ButtonBase> buttonsIn(Parent parent) {
        List<ButtonBase> found = new ArrayList<>();
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof ButtonBase b) found.add(b);
            else if (child instanceof Pane p) found.addAll(buttonsIn(p));
        }
        return found;
    }

    /**
     * Adds another feature's line about this run (what changed since the previous run) between the gates and the
     * actions row, across the whole width: a sentence the buttons' row has no room for. It takes no room while
     * hidden (unmanaged).
     */
    public void addLine(Node line) {
        int actionsRow = getChildren().indexOf(actions.getParent());
        getChildren().add(Math.max(0, actionsRow), line);
    }

    /** Adds another feature's action on this run (e.g. "Export report…") to the actions row above the filter. */
    public void addAction(Node action) {
        // No minimum width held at the words' width: where the row is too narrow the buttons show their icons
        // instead (iconsWhenNarrow), and the centre keeps the width the window gives it.
        actions.getChildren().add(action);
    }

    /**
     * "Copy case id" in the table's menu, and Ctrl+C in the table: the selected case's id, as {@code run --case ID}
     * takes it (a table row cannot be selected as text).
     */
    private void installCopyId() {
        MenuItem copy = new MenuItem("Copy case id", new FontIcon("fth-copy"));
        copy.setId("results-copy-id");
        copy.setOnAction(e -> copySelectedId());
        menu.getItems().add(copy);
        menu.addEventHandler(WindowEvent.WINDOW_SHOWING,
                e -> copy.setDisable(table.getSelectionModel().getSelectedItem() == null));
        table.setContextMenu(menu);
        ContextMenuKeys.install(table, menu, () -> table.getSelectionModel().getSelectedIndex());
        KeyCombination ctrlC = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (ctrlC.match(e) && table.getSelectionModel().getSelectedItem() != null) {
                copySelectedId();
                e.consume();
            }
        });
    }

    private void copySelectedId() {
        CaseSummary selected = table.getSelectionModel().getSelectedItem();
        if (selected == null) return;
        dev.evalbench.app.fx.CopyButton.toClipboard(selected.key().caseId());
    }

    /**
     * The table's menu, for other features' items (running cases again); it opens on a right click and on
     * Shift+F10 or the menu key below the selected row.
     */
    /** The gates panel above the cases, as given; null when none. */
    public Node gates() {
        return gates;
    }

    public ContextMenu contextMenu() {
        return menu;
    }

    /** Ctrl+F. */
    @Override
    public void focusFilter() {
        filterBar.text.requestFocus();
        filterBar.text.selectAll();
    }

    /** N (step 1) / P (step -1): selects and shows the next or previous case that did not pass. */
    public void moveToFailing(int step) {
        int at = ResultsViewModel.nextFailing(table.getItems(), table.getSelectionModel().getSelectedIndex(), step);
        if (at < 0) return;
        table.getSelectionModel().clearAndSelect(at);
        table.scrollTo(Math.max(0, at - 3));
        table.requestFocus();
    }

    public ResultsViewModel viewModel() {
        return vm;
    }

    public TableView<CaseSummary> table() {
        return table;
    }
}
