package dev.evalbench.app.fx;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;

/**
 * The filter combo boxes of the results and the comparison: the first entry "any" stands for null in the view
 * model, the box follows its values list as it fills, and while nothing is chosen it shows its prompt
 * ("Suite", "Verdict") in muted text rather than a blank box. FX thread only.
 */
public final class AnyChoice {
    /** The entry that clears a filter. */
    public static final String ANY = "any";

    private AnyChoice() {}

    /** A box bound both ways to {@code target} (null = any), listing {@code values} as they change. */
    public static ComboBox<String> of(String id, String prompt, Property<String> target, ObservableList<String> values) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setPromptText(prompt);
        // Never narrower than its words: a box cut to "V..." says nothing.
        box.setMinWidth(Region.USE_PREF_SIZE);
        Runnable fill = () -> {
            String keep = target.getValue();
            box.getItems().setAll(ANY);
            box.getItems().addAll(values);
            box.setValue(keep);
        };
        values.addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        promptWhenEmpty(box, v -> v);
        box.valueProperty().addListener((o, was, now) -> target.setValue(ANY.equals(now) ? null : now));
        target.addListener((o, was, now) -> {
            if (now == null && box.getValue() != null && !ANY.equals(box.getValue())) box.setValue(null);
            else if (now != null && !now.equals(box.getValue())) box.setValue(now);
        });
        return box;
    }

    /**
     * Shows the box's prompt while nothing is chosen. JavaFX's own button cell loses the prompt once the value
     * has been set and set back to null (or the items refilled), leaving a blank box.
     */
    public static <T> void promptWhenEmpty(ComboBox<T> box, Function<T, String> words) {
        ListCell<T> cell = new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                show(this, box, item, words);
            }
        };
        box.setButtonCell(cell);
        // A new cell is already empty, so updateItem is not called until a value is chosen: word it now.
        show(cell, box, box.getValue(), words);
    }

    private static <T> void show(ListCell<T> cell, ComboBox<T> box, T item, Function<T, String> words) {
        boolean none = item == null || ANY.equals(item);
        cell.setText(none ? box.getPromptText() : words.apply(item));
        cell.getStyleClass().remove(Styles.TEXT_MUTED);
        if (none) cell.getStyleClass().add(Styles.TEXT_MUTED);
    }
}
