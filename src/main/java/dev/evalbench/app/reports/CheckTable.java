package dev.evalbench.app.reports;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A table of {@link CheckRow}s: the result (icon and word, in the theme's success / danger / warning colour),
 * what was checked, and the verifier's sentence. Sized to its rows (a few signatures, a dozen files), so the
 * verify view scrolls as one page. FX thread only.
 */
final class CheckTable extends TableView<CheckRow> {
    private static final double ROW = 28;
    private static final double HEADER = 44;
    /** The narrowest the signer or file column gets, and the room the detail keeps beside it. */
    private static final double WHAT_MIN = 260;
    private static final double DETAIL_MIN = 220;
    /** The table's border, left and right, which its columns must leave or a sideways scroll bar appears. */
    private static final double BORDERS = 4;
    /**
     * The width of the table's vertical scroll bar while it shows, which the columns leave free too: when rows are
     * replaced (verified again) the table is for a moment shorter than its rows and shows one; columns that then
     * overflowed showed a sideways bar, whose height kept the vertical one, whose width kept the sideways one, for
     * good. Left free, the vertical bar goes once the table has its height, and the detail takes its width back.
     */
    private final javafx.beans.property.DoubleProperty verticalBar = new javafx.beans.property.SimpleDoubleProperty(this, "verticalBar");

    CheckTable(String id, String whatTitle, ObservableList<CheckRow> rows) {
        super(rows);
        setId(id);
        setFixedCellSize(ROW);
        // Widths set here, not by a constrained policy (which does not refill the row after a column is fitted):
        // the result fixed, the signer or file fitted to its rows, the detail the rest of the width.
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<CheckRow, CheckRow> result = new TableColumn<>("Result");
        result.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        result.setCellFactory(c -> new ResultCell());
        // Wide enough for the longest word with its icon ("not checked", "unknown key"), which 130 px cut.
        result.setPrefWidth(150);
        result.setMinWidth(145);
        result.setMaxWidth(170);
        TableColumn<CheckRow, String> what = new TableColumn<>(whatTitle);
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().what()));
        what.setPrefWidth(260);
        TableColumn<CheckRow, String> detail = new TableColumn<>("Detail");
        detail.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().detail()));
        // The verifier's sentence may not fit (a signature's ends with the key's fingerprint): whole in its tooltip.
        detail.setCellFactory(c -> new WholeInTooltip());
        getColumns().setAll(java.util.List.of(result, what, detail));
        detail.prefWidthProperty().bind(widthProperty().subtract(result.widthProperty()).subtract(what.widthProperty())
                .subtract(BORDERS).subtract(verticalBar));
        skinProperty().addListener((o, was, now) -> dev.evalbench.app.fx.AfterLayout.runIn(this, this::watchVerticalBar));
        // Who signed is what a reviewer reads ("approver Ada Lovelace (name verified) ed25519:…"): its column takes
        // the width of its longest row, the detail (the verifier's sentence, which repeats the key) what is left.
        rows.addListener((javafx.collections.ListChangeListener<CheckRow>) c ->
                dev.evalbench.app.fx.AfterLayout.runIn(this, () -> fitWhat(what, result)));
        widthProperty().addListener((o, was, now) -> fitWhat(what, result));
        setPlaceholder(new Label("Nothing verified yet."));
        // Every row shown, no inner scroll bar: rows plus the header (taller than a row) and the borders.
        prefHeightProperty().bind(javafx.beans.binding.Bindings.size(rows).multiply(ROW).add(HEADER)
                .map(h -> Math.max(h.doubleValue(), ROW + HEADER)));
        setMinHeight(USE_PREF_SIZE);
    }

    /** Follows the skin's vertical scroll bar: its width while it shows, else 0. */
    private void watchVerticalBar() {
        for (javafx.scene.Node node : lookupAll(".scroll-bar")) {
            if (node instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                verticalBar.bind(javafx.beans.binding.Bindings.when(bar.visibleProperty()).then(bar.widthProperty()).otherwise(0.0));
                return;
            }
        }
    }

    /**
     * Widens {@code what} to its longest text, leaving the detail at least {@link #DETAIL_MIN}; at least
     * {@link #WHAT_MIN}. Nothing to measure until the table has a width.
     */
    private void fitWhat(TableColumn<CheckRow, String> what, TableColumn<CheckRow, CheckRow> result) {
        if (getWidth() <= 0 || getItems().isEmpty()) return;
        double longest = dev.evalbench.app.fx.FitColumns.widest(this, getItems().stream().map(CheckRow::what).toList());
        double room = getWidth() - result.getWidth() - DETAIL_MIN - snappedLeftInset() - snappedRightInset();
        what.setPrefWidth(Math.max(WHAT_MIN, Math.min(longest, room)));
    }

    /** A text cell whose tooltip holds its whole text, for when the column cuts it. */
    static final class WholeInTooltip extends TableCell<CheckRow, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            setTooltip(empty || text == null || text.isEmpty() ? null : new javafx.scene.control.Tooltip(text));
        }
    }

    /** The result as an icon and a word, so it reads without colour. */
    static final class ResultCell extends TableCell<CheckRow, CheckRow> {
        @Override
        protected void updateItem(CheckRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label label = new Label(row.word());
            label.getStyleClass().add("check-result");
            ReportsText.paint(label, row.state());
            setGraphic(label);
            setText(null);
        }
    }
}
