package dev.evalbench.app.gates;

import atlantafx.base.theme.Styles;
import dev.evalbench.app.fx.FitColumns;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/**
 * The gates panel above a run's results: the CLI's headline, the baseline used, and one row per gate with its
 * verdict (icon and word), value, threshold, baseline, interval, p-value and sentence. Clicking a gate (or
 * Enter on it) filters the results to the cases behind it. Bound to a {@link GatesViewModel}; FX thread only.
 */
public final class GatesView extends VBox {
    private static final double ROW = 24;
    /**
     * Height beside the rows: the column headers (about 40 px) and the sideways scroll bar a narrow centre shows,
     * so every gate is in view without scrolling ("2 of 9 gates failed" and both failures on screen).
     */
    private static final double HEADERS_AND_BAR = 60;
    /** More gates than this scroll: the cases below keep most of the height. */
    private static final int ROWS_SHOWN = 12;
    /** The widest the "Why" column grows to fit its sentences; a longer one ends in "…" (the tooltip has it). */
    private static final double WHY_CAP = 520;
    private final TableView<GateRow> table = new TableView<>();
    /** The gates' menu (right click, Shift+F10): empty until another feature adds to it, and shown only then. */
    private final javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();

    public GatesView(GatesViewModel vm) {
        super(2);
        getStyleClass().add("gates-view");
        setStyle("-fx-padding: 4 6 2 6;");
        Label headline = new Label();
        headline.setId("gates-headline");
        headline.getStyleClass().add(Styles.TEXT_BOLD);
        headline.textProperty().bind(vm.headlineProperty());
        Label baseline = new Label();
        baseline.setId("gates-baseline");
        baseline.getStyleClass().add(Styles.TEXT_MUTED);
        baseline.textProperty().bind(vm.baselineProperty());
        Tooltip baselineWhole = new Tooltip();
        baselineWhole.textProperty().bind(baseline.textProperty());
        baseline.setTooltip(baselineWhole);
        // Each keeps its words, the next going under it when the centre is narrow: in one row, the baseline's sentence
        // was cut to "Against baseline …" beside the link to the gates as they are now. Narrower than the sentence
        // alone, it gives way (whole in its tooltip): a flow pane is as wide as its widest child at least, and the
        // sentence's width held the whole results view wider than the centre, its right edge (the count, the last
        // action) cut off.
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(12, 0, headline, baseline, gatesNowLink(vm)) {
            @Override
            protected double computeMinWidth(double height) {
                return snappedLeftInset() + headline.minWidth(-1) + snappedRightInset();
            }
        };
        baseline.maxWidthProperty().bind(top.widthProperty());
        top.setAlignment(Pos.CENTER_LEFT);

        table.setId("gates-table");
        table.setFixedCellSize(ROW);
        table.setItems(vm.rows());
        // Unconstrained: in a narrow centre the numbers and verdict words keep their width and the table
        // scrolls sideways, instead of every column being cut to "F..." and "98....".
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.of(verdictColumn(), column("Gate", 150, GateRow::id),
                column("Value", 80, GateRow::value), column("Threshold", 85, GateRow::threshold),
                column("Baseline", 80, GateRow::baseline), column("95% interval", 150, GateRow::interval),
                column("p", 70, GateRow::pValue), column("Why", 420, GateRow::sentence)));
        Label placeholder = new Label();
        placeholder.setId("gates-problem");
        placeholder.setWrapText(true);
        placeholder.setStyle("-fx-padding: 8;");
        // "Gating…" until gated; why not, where it could not be (the headline only says "Not gated").
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.problemProperty().get() == null ? "Gating…" : vm.problemProperty().get(),
                vm.problemProperty()));
        table.setPlaceholder(placeholder);
        // Titles whole ("Thres…") even while there is no row to fit the columns to (a run that cannot be gated).
        FitColumns.toHeadersOnceShown(table);
        vm.rows().addListener((ListChangeListener<GateRow>) c -> {
            table.setPrefHeight(ROW * Math.min(vm.rows().size(), ROWS_SHOWN) + HEADERS_AND_BAR);
            // Each column as wide as its longest value (a gate's threshold, its interval), the sentence up to
            // WHY_CAP: the row's tooltip holds the whole of it.
            FitColumns.toContentOnceShown(table, WHY_CAP);
        });
        table.setRowFactory(t -> {
            TableRow<GateRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) vm.choose(row.getItem());
            });
            row.itemProperty().addListener((o, was, now) ->
                    row.setTooltip(now == null ? null : new Tooltip(now.sentence())));
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) vm.choose(table.getSelectionModel().getSelectedItem());
        });
        menu.getItems().addListener((ListChangeListener<javafx.scene.control.MenuItem>) c ->
                table.setContextMenu(menu.getItems().isEmpty() ? null : menu));
        table.setPrefHeight(ROW * 7 + HEADERS_AND_BAR);
        table.setMinHeight(ROW * 3);
        // Not shrunk below that by the results panel's column, which gives the cases what is left.
        setMinHeight(USE_PREF_SIZE);
        getChildren().addAll(top, table);
    }

    /**
     * Beside the baseline's line while the workspace's gates differ from the run's (gates.yaml edited since): a link to
     * see the run judged with them, as {@code evalbench gate} judges it, and back to its own gates.
     */
    private static javafx.scene.control.Hyperlink gatesNowLink(GatesViewModel vm) {
        javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink();
        link.setId("gates-now");
        link.textProperty().bind(javafx.beans.binding.Bindings.when(vm.withGatesNowProperty())
                .then("Back to the run's own gates").otherwise("The gates changed since this run: gate it with them"));
        link.setTooltip(new Tooltip("The run's cases held to the workspace's gates as they are now (a threshold edited"
                + " since), without running anything again; the history keeps the verdict of its own gates"));
        link.visibleProperty().bind(vm.gatesEditedProperty());
        link.managedProperty().bind(link.visibleProperty());
        link.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        link.setOnAction(e -> vm.gateWithGatesNow(!vm.withGatesNowProperty().get()));
        return link;
    }

    private static TableColumn<GateRow, String> column(String title, double width, Function<GateRow, String> value) {
        TableColumn<GateRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 70));
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }


    /** pass / FAIL with a check or a cross: the verdict reads without colour. */
    private static TableColumn<GateRow, String> verdictColumn() {
        TableColumn<GateRow, String> c = column("Verdict", 90, GateRow::word);
        c.setCellFactory(col -> new VerdictCell<>());
        return c;
    }

    public TableView<GateRow> table() {
        return table;
    }

    /** The gates' menu, for other features' items ({@code EditGateAction}). */
    public javafx.scene.control.ContextMenu contextMenu() {
        return menu;
    }
}
