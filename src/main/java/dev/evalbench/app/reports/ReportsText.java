package dev.evalbench.app.reports;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;

/** Labels the report views share: a problem line, and a verdict word with its icon in the theme's colours. */
final class ReportsText {
    private ReportsText() {}

    /** A danger-coloured line bound to {@code text}, taking no room while empty. */
    static Label problem(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.DANGER);
        l.textProperty().bind(text);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    /** Paints {@code label} as {@code state}: icon AND word AND colour, so it reads without colour too. */
    static void paint(Label label, CheckRow.State state) {
        String colour = switch (state) {
            case VALID -> "success";
            case INVALID -> "danger";
            case NOT_CHECKED -> "warning";
        };
        String icon = switch (state) {
            case VALID -> "fth-check-circle";
            case INVALID -> "fth-x-circle";
            case NOT_CHECKED -> "fth-help-circle";
        };
        FontIcon graphic = new FontIcon(icon);
        graphic.setStyle(graphic.getStyle() + "-fx-icon-color: -color-" + colour + "-fg;");
        label.setGraphic(graphic);
        label.setStyle("-fx-text-fill: -color-" + colour + "-fg; -fx-font-weight: bold;");
    }
}
