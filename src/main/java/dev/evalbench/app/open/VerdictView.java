package dev.evalbench.app.open;

import atlantafx.base.theme.Styles;
import dev.evalbench.core.service.VerdictReport;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A canary or shadow verdict opened from its report folder: the verdict (icon and word), why, the two runs it
 * judged, each metric with its status (a cross and the word when it moved the bad way), values, effect,
 * interval and p-value, and a button that compares the two runs when the local history has them (the folder
 * holds no case records). Controls only; the comparison is the caller's. FX thread only.
 */
final class VerdictView extends VBox {
    VerdictView(VerdictReport r, Runnable compare) {
        super(6);
        setId("verdict-view");
        setStyle("-fx-padding: 8;");
        Label headline = new Label(r.headline(), new FontIcon(r.good() ? "fth-check-circle" : "fth-x-circle"));
        headline.setId("verdict-headline");
        headline.getStyleClass().addAll(Styles.TITLE_4, r.good() ? Styles.SUCCESS : Styles.DANGER);
        Label reason = new Label(r.reason());
        reason.setId("verdict-reason");
        reason.setWrapText(true);
        Label runs = new Label(r.firstRole() + ": run " + r.firstRunId() + "   →   " + r.secondRole() + ": run " + r.secondRunId());
        runs.setId("verdict-runs");
        runs.getStyleClass().add(Styles.TEXT_MUTED);
        Button open = new Button("Compare " + r.firstRole() + " and " + r.secondRole(), new FontIcon("fth-columns"));
        open.setId("verdict-compare");
        open.setTooltip(new Tooltip("Open the comparison of the two runs from this workspace's history"));
        open.setOnAction(e -> compare.run());
        Label from = new Label("from " + r.file());
        from.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox actions = new HBox(8, open, from);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TableView<VerdictReport.Row> table = new TableView<>();
        table.setId("verdict-metrics");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // Wide enough for the longest figure the canary writes: "-5.29 to -0.92 points", "2.4% of requests".
        table.getColumns().setAll(List.of(text("Metric", 220, VerdictReport.Row::metric), status(),
                text(cap(r.firstRole()), 160, VerdictReport.Row::first), text(cap(r.secondRole()), 160, VerdictReport.Row::second),
                text("Effect", 150, VerdictReport.Row::effect), text("95% interval", 190, VerdictReport.Row::interval),
                text("p", 80, VerdictReport.Row::p)));
        table.getItems().setAll(r.rows());
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(headline, reason, runs, actions, table);
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static TableColumn<VerdictReport.Row, String> text(String title, double width, Function<VerdictReport.Row, String> value) {
        TableColumn<VerdictReport.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    /** The status in words, with a cross (and the danger colour) when it moved the way that hurts. */
    private static TableColumn<VerdictReport.Row, String> status() {
        TableColumn<VerdictReport.Row, String> c = text("Status", 130, VerdictReport.Row::status);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String word, boolean empty) {
                super.updateItem(word, empty);
                VerdictReport.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row == null || word == null || word.isEmpty()) {
                    setText(empty ? null : word);
                    setGraphic(null);
                    setStyle(null);
                    return;
                }
                FontIcon icon = new FontIcon(row.bad() ? "fth-x-circle" : "fth-check");
                String colour = row.bad() ? "-color-danger-fg" : "-color-fg-muted";
                icon.setStyle(icon.getStyle() + "-fx-icon-color: " + colour + ";");
                setGraphic(icon);
                setText(word);
                setStyle("-fx-text-fill: " + colour + ";");
            }
        });
        return c;
    }
}
