package dev.evalbench.app.fx;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextFormatter;
import javafx.util.StringConverter;

/**
 * A whole-number spinner people can type into. JavaFX's own is not editable by default, so concurrency 64 took 56
 * clicks on its arrow; made editable as it comes, "abc" throws from the converter when the field loses focus, and
 * a number typed without Enter is not the spinner's value when Ctrl+R runs. This one takes digits only, makes a
 * number typed within range the value at once, and on Enter or leaving the field puts one outside the range at the
 * nearest end (an empty field back at the value it had). FX thread only.
 */
public final class NumberSpinner {
    private NumberSpinner() {}

    public static Spinner<Integer> of(int min, int max, int initial) {
        Spinner<Integer> spinner = new Spinner<>(min, max, initial);
        SpinnerValueFactory<Integer> values = spinner.getValueFactory();
        spinner.setEditable(true);
        int digits = String.valueOf(max).length();
        values.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                Integer typed = parsed(text, digits);
                return typed == null ? values.getValue() : Math.max(min, Math.min(max, typed));
            }
        });
        spinner.getEditor().setTextFormatter(new TextFormatter<>(change ->
                change.getControlNewText().matches("\\d{0," + digits + "}") ? change : null));
        spinner.getEditor().textProperty().addListener((o, was, now) -> {
            Integer typed = parsed(now, digits);
            if (typed != null && typed >= min && typed <= max) values.setValue(typed);
        });
        spinner.focusedProperty().addListener((o, was, now) -> {
            if (!now) settle(spinner);
        });
        spinner.getEditor().addEventHandler(javafx.event.ActionEvent.ACTION, e -> settle(spinner));
        return spinner;
    }

    /** Makes what the field holds the value, at the nearest end of the range, and shows that value. */
    private static void settle(Spinner<Integer> spinner) {
        SpinnerValueFactory<Integer> values = spinner.getValueFactory();
        values.setValue(values.getConverter().fromString(spinner.getEditor().getText()));
        // The value may not have changed ("0" typed over 1), and then the field is not told: say it again.
        spinner.getEditor().setText(values.getConverter().toString(values.getValue()));
    }

    /** The number {@code text} holds, or null when it holds none (empty, or more digits than the maximum has). */
    private static Integer parsed(String text, int digits) {
        if (text == null || text.isEmpty() || text.length() > digits || !text.chars().allMatch(Character::isDigit)) return null;
        return Integer.parseInt(text);
    }
}
