package dev.evalbench.app;

import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Whether a label (a table cell, a column title, a count) draws its whole text: where it does not fit, JavaFX
 * draws a shorter text ending in "…" in its place. Ask on the FX thread ({@link FxWait}).
 */
public final class DrawnWhole {
    private DrawnWhole() {}

    public static boolean of(Labeled label) {
        return label.getText() == null || label.getText().isEmpty()
                || !(label.lookup(".text") instanceof Text drawn) || drawn.getText().equals(label.getText());
    }
}
