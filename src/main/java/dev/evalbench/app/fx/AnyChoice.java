package dev.evalbench.app.fx;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The filter combo boxes of the results and the comparison: the first entry "any" stands for null in the view
 * model, the box follows its values list as it fills, and while nothing is chosen it shows its prompt
 * ("Suite", "Verdict") in muted text rather than a blank box. FX thread only.
 */
public final class AnyChoice {
    /** The entry that clears a filter. */
    public static final String ANY = "any";
    /** The widest a box grows for its values, in pixels: its prompt ("Verdict", "Failure") fits with room. */
    static final double WIDEST = 130;

    private AnyChoice() {}

    /** A box bound both ways to {@code target} (null = any), listing {@code values} as they change. */
    public static ComboBox<String> of(String id, String prompt, Property<String> target, ObservableList<String> values) {
        ComboBox<String> box = narrowBox();
        box.setId(id);
        box.setPromptText(prompt);
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
     * A filter bar's combo box: as wide as its widest value, up to {@link #WIDEST}; where the bar is short of
     * room, it gives way down to what it shows now (its prompt, "Verdict", or the value chosen), never further.
     * One long tag, failure kind or status would otherwise widen the box for good and push what follows it in the
     * bar (how many cases are shown) out of sight. The open list still shows every value whole.
     */
    public static <T> ComboBox<T> narrowBox() {
        return new ComboBox<>() {
            @Override
            protected double computePrefWidth(double height) {
                return Math.min(super.computePrefWidth(height), WIDEST);
            }

            @Override
            protected double computeMinWidth(double height) {
                // Never narrower than its words: a box cut to "V..." says nothing.
                double pref = computePrefWidth(height);
                ListCell<T> cell = getButtonCell();
                if (cell == null || !(lookup(".arrow-button") instanceof Region arrow)) {
                    return pref; // not laid out yet: its words are not measurable before its skin and styles
                }
                Text words = new Text(cell.getText() == null ? "" : cell.getText());
                words.setFont(cell.getFont());
                double shown = Math.ceil(words.getLayoutBounds().getWidth())
                        + cell.snappedLeftInset() + cell.snappedRightInset()
                        + arrow.prefWidth(-1) + snappedLeftInset() + snappedRightInset() + 2;
                return Math.min(pref, shown);
            }
        };
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
