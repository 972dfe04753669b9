package dev.evalbench.app.fx;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Sizes a table's columns to what they show, so that a header or a value is not cut to "Thres…" or
 * "≥ 0.90…" while the table has room to scroll sideways. Widths are measured with the fonts and paddings the
 * table's own header and cells were styled with, so call it once the table is laid out ({@link AfterLayout});
 * before that, the default font and no padding stand in. FX thread only.
 */
public final class FitColumns {
    /** Room for a header's sort arrow, which appears once the column is sorted. */
    private static final double SORT_ARROW = 14;
    /** A little air after the longest text, so it does not touch the next column. */
    private static final double AIR = 6;

    private FitColumns() {}

    /**
     * Sets the width of every column that shows its value as plain text (no cell factory of its own) to its
     * header's or its longest value's, among all items, whichever is wider, and at most {@code cap}; never
     * below the column's minimum width. Columns with their own cells (icons, colours) keep their width but are
     * widened to their header. For tables of few rows (gates): every item is measured.
     */
    public static <S> void toContent(TableView<S> table, double cap) {
        Measure cell = measure(table, ".table-cell");
        for (TableColumn<S, ?> column : table.getColumns()) {
            double width = headerWidth(table, column);
            if ((Object) column.getCellFactory() == TableColumn.DEFAULT_CELL_FACTORY) {
                for (S item : table.getItems()) {
                    Object value = column.getCellData(item);
                    if (value != null) width = Math.max(width, cell.width(value.toString()));
                }
                column.setPrefWidth(Math.max(column.getMinWidth(), Math.min(cap, width)));
            } else if (column.getWidth() < width) {
                column.setPrefWidth(width);
            }
        }
    }

    /** Widens every column that is narrower than its header's title (with room for the sort arrow). */
    public static <S> void toHeaders(TableView<S> table) {
        for (TableColumn<S, ?> column : table.getColumns()) {
            double width = headerWidth(table, column);
            if (column.getPrefWidth() < width) column.setPrefWidth(width);
        }
    }

    /** {@link #toHeaders} once the table has a skin and has been laid out (its header exists and is styled). */
    public static void toHeadersOnceShown(TableView<?> table) {
        if (table.getSkin() != null) {
            AfterLayout.run(table.getScene(), () -> toHeaders(table));
            return;
        }
        javafx.beans.value.ChangeListener<Object> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<?> o, Object was, Object now) {
                if (now == null) return;
                table.skinProperty().removeListener(this);
                AfterLayout.run(table.getScene(), () -> toHeaders(table));
            }
        };
        table.skinProperty().addListener(once);
    }

    private static double headerWidth(TableView<?> table, TableColumn<?, ?> column) {
        return measure(table, ".column-header .label").width(column.getText()) + SORT_ARROW;
    }

    /** Text widths in the font and padding of the first node {@code selector} finds in the table. */
    private static Measure measure(TableView<?> table, String selector) {
        Node found = table.lookup(selector);
        if (found instanceof Labeled labeled) {
            double padding = labeled.snappedLeftInset() + labeled.snappedRightInset();
            if (labeled.getParent() instanceof Region parent && selector.contains(".label")) {
                padding += parent.snappedLeftInset() + parent.snappedRightInset();
            }
            return new Measure(labeled.getFont(), padding);
        }
        return new Measure(Font.getDefault(), 0);
    }

    private record Measure(Font font, double padding) {
        double width(String text) {
            if (text == null || text.isEmpty()) return padding + AIR;
            Text t = new Text(text);
            t.setFont(font);
            return Math.ceil(t.getLayoutBounds().getWidth()) + padding + AIR;
        }
    }
}
