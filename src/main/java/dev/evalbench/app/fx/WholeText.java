package dev.evalbench.app.fx;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;

/**
 * A tooltip that says a one-line label's whole text, for lines the window cuts with "…" when they are long (the
 * status line, the run bar): without it, the end of "route openai reads its API key from OPENAI_API_KEY, which
 * is not set…" could not be read anywhere. None while the label is empty. FX thread.
 */
public final class WholeText {
    private WholeText() {}

    /** Binds {@code label}'s tooltip to its own text. */
    public static void install(Labeled label) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(label.textProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        label.tooltipProperty().bind(Bindings.when(label.textProperty().isEmpty()).then((Tooltip) null).otherwise(tip));
    }
}
