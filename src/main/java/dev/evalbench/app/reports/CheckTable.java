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

    CheckTable(String id, String whatTitle, ObservableList<CheckRow> rows) {
        super(rows);
        setId(id);
        setFixedCellSize(ROW);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<CheckRow, CheckRow> result = new TableColumn<>("Result");
        result.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        result.setCellFactory(c -> new ResultCell());
        result.setPrefWidth(130);
        result.setMinWidth(120);
        result.setMaxWidth(150);
        TableColumn<CheckRow, String> what = new TableColumn<>(whatTitle);
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().what()));
        what.setPrefWidth(260);
        what.setMaxWidth(320);
        TableColumn<CheckRow, String> detail = new TableColumn<>("Detail");
        detail.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().detail()));
        getColumns().setAll(java.util.List.of(result, what, detail));
        setPlaceholder(new Label("Nothing verified yet."));
        // Every row shown, no inner scroll bar: rows plus the header (taller than a row) and the borders.
        prefHeightProperty().bind(javafx.beans.binding.Bindings.size(rows).multiply(ROW).add(HEADER)
                .map(h -> Math.max(h.doubleValue(), ROW + HEADER)));
        setMinHeight(USE_PREF_SIZE);
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
