package dev.evalbench.app.results;

import dev.evalbench.core.record.CaseSummary;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The columns of the results table. Cells are light: text computed from the row on demand, one icon per
 * verdict cell reused as rows scroll, no per-row listeners. FX thread only.
 */
final class CaseColumns {
    private CaseColumns() {}

    static FontIcon icon(String literal, String colour) {
        FontIcon icon = new FontIcon(literal);
        // Appended: the icon keeps its font in its own inline style.
        icon.setStyle(icon.getStyle() + "-fx-icon-color: -color-" + colour + "-fg;");
        return icon;
    }

    static <T extends Comparable<T>> TableColumn<CaseSummary, T> column(String title, double width, Function<CaseSummary, T> value) {
        TableColumn<CaseSummary, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    static TableColumn<CaseSummary, String> text(String title, double width, Function<CaseSummary, String> value) {
        TableColumn<CaseSummary, String> c = column(title, width, value);
        c.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        return c;
    }

    /** A count shown as the gates and reports show it ("1,177", "330 ms"), sorted as a number. */
    static <T extends Number & Comparable<T>> TableColumn<CaseSummary, T> number(
            String title, double width, Function<CaseSummary, T> value, String unit) {
        TableColumn<CaseSummary, T> c = column(title, width, value);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : String.format(Locale.ROOT, "%,d", n.longValue()) + unit);
            }
        });
        return c;
    }

    /** The verdict as an icon and a word, so it reads without colour. */
    static TableColumn<CaseSummary, String> verdict() {
        TableColumn<CaseSummary, String> c = text("Verdict", 85, CaseFilter::verdictOf);
        c.setCellFactory(col -> new TableCell<>() {
            // One icon per verdict, made with its literal: an icon whose literal is set later can lose its font.
            private final FontIcon pass = icon("fth-check-circle", "success");
            private final FontIcon fail = icon("fth-x-circle", "danger");
            private final FontIcon error = icon("fth-alert-triangle", "warning");

            @Override
            protected void updateItem(String verdict, boolean empty) {
                super.updateItem(verdict, empty);
                if (empty || verdict == null) {
                    setText(null);
                    setGraphic(null);
                    setStyle(null);
                    return;
                }
                String colour = switch (verdict) {
                    case CaseFilter.PASS -> "success";
                    case CaseFilter.ERROR -> "warning";
                    default -> "danger";
                };
                setStyle("-fx-text-fill: -color-" + colour + "-fg;");
                setText(verdict.equals(CaseFilter.FAIL) ? "FAIL" : verdict);
                setGraphic(switch (verdict) {
                    case CaseFilter.PASS -> pass;
                    case CaseFilter.ERROR -> error;
                    default -> fail;
                });
            }
        });
        return c;
    }
}
