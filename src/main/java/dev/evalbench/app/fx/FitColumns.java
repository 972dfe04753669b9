package dev.evalbench.app.fx;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
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

    /** The widest a column of names (suites, routes, case ids) grows to fit them; a longer name ends in "…". */
    public static final double NAME_CAP = 220;

    private FitColumns() {}

    /**
     * Sets the width of every column that shows its value as plain text (no cell factory of its own) to its
     * header's or its longest value's, among all items, whichever is wider, and at most {@code cap}; never
     * below the column's minimum width. Columns with their own cells (icons, colours) are widened, never
     * narrowed, to their header and to the cells laid out now. For tables of few rows (gates), all shown.
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
            } else {
                // Cells of its own (an icon and a word, bold or not): the widest such cell laid out now, measured
                // from its text, font, graphic and padding (a table cell's own preferred width is its column's).
                for (Node n : table.lookupAll(".table-cell")) {
                    if (n instanceof TableCell<?, ?> c && c.getTableColumn() == column && !c.isEmpty()) {
                        double graphic = c.getGraphic() == null ? 0
                                : c.getGraphic().prefWidth(-1) + c.getGraphicTextGap();
                        double padding = c.snappedLeftInset() + c.snappedRightInset();
                        width = Math.max(width, new Measure(c.getFont(), padding + graphic).width(c.getText()));
                    }
                }
                if (column.getWidth() < width) column.setPrefWidth(Math.min(cap, width));
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

    /**
     * Widens {@code column}, never narrows it, to the widest of {@code values} (what its cells will show) in the
     * table's cell font, at most {@link #NAME_CAP}. For columns of few distinct values among many rows (suites,
     * routes): measuring those values costs nothing next to measuring every row.
     */
    public static void toValues(TableView<?> table, TableColumn<?, ?> column, java.util.Collection<String> values) {
        double width = widest(table, values);
        if (column.getPrefWidth() < width) column.setPrefWidth(Math.min(NAME_CAP, width));
    }

    /**
     * The width a cell of {@code table} needs to draw the widest of {@code values} whole, in its cell font and
     * padding.
     */
    public static double widest(TableView<?> table, java.util.Collection<String> values) {
        Measure cell = measure(table, ".table-cell");
        double width = 0;
        for (String value : values) width = Math.max(width, cell.width(value));
        return width;
    }

    /**
     * The {@code n} longest of {@code values} by length (ties in no particular order), in one pass: for a column of
     * many ids, the few that set its width, without sorting or measuring all of them on the FX thread.
     */
    public static java.util.List<String> longest(Iterable<String> values, int n) {
        var kept = new java.util.PriorityQueue<String>(java.util.Comparator.comparingInt(String::length));
        for (String value : values) {
            if (value == null) continue;
            if (kept.size() < n) kept.add(value);
            else if (value.length() > kept.peek().length()) {
                kept.poll();
                kept.add(value);
            }
        }
        return java.util.List.copyOf(kept);
    }

    /** {@link #toContent} once the table is in a scene and laid out (its cells exist and are styled). */
    public static void toContentOnceShown(TableView<?> table, double cap) {
        AfterLayout.runIn(table, () -> toContent(table, cap));
    }

    /** {@link #toHeaders} once the table is in a scene and laid out (its header exists and is styled). */
    public static void toHeadersOnceShown(TableView<?> table) {
        AfterLayout.runIn(table, () -> toHeaders(table));
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
