package dev.evalbench.app.detail;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

/** The text a node of the detail pane shows, whichever control shows it (label, text of a flow, text field). */
public final class ShownText {
    private ShownText() {}

    public static String of(Node node) {
        if (node instanceof Labeled l) return l.getText();
        if (node instanceof Text t) return t.getText();
        if (node instanceof TextInputControl t) return t.getText();
        throw new AssertionError("not a node that shows text: " + node);
    }
}
