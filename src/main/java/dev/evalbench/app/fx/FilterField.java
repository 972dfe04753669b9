package dev.evalbench.app.fx;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.Property;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The free-text part of a case filter, as the results and the comparison both show it: a text box that grows,
 * bound to the view model's text, where Esc clears the whole filter; and the ".*" toggle that reads the text as
 * a regular expression. FX thread only.
 */
public final class FilterField {
    private FilterField() {}

    /** The text box, bound both ways to {@code text}; Esc runs {@code clearAll}. Put it in an HBox. */
    public static TextField text(String id, Property<String> text, Runnable clearAll) {
        TextField field = new TextField();
        field.setId(id);
        // Short enough to read whole where the bar is tight (1,280 px beside the detail pane, a gate's chip above
        // it): "Filter cases (Ctrl-" was all it showed there; the table beside it says what is filtered.
        field.setPromptText("Filter (Ctrl+F)");
        field.textProperty().bindBidirectional(text);
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                clearAll.run();
                e.consume();
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    /** The ".*" toggle, bound both ways to {@code regex}. */
    public static ToggleButton regex(String id, BooleanProperty regex) {
        ToggleButton toggle = new ToggleButton(".*");
        toggle.setId(id);
        toggle.setTooltip(new Tooltip("Read the text as a regular expression"));
        toggle.selectedProperty().bindBidirectional(regex);
        return toggle;
    }
}
