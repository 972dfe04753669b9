package dev.evalbench.app.results;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * A muted line of a results tab between its gates and its buttons ({@link ResultsView#addLine}), saying
 * something about the run once it is known (what changed since the previous run, answers from the cache):
 * hidden and taking no room until then, whole in its tooltip however narrow the tab. FX thread only.
 */
public final class NoteLine {
    private NoteLine() {}

    /** A hidden line with this node id. */
    public static Label hidden(String id) {
        Label line = new Label();
        line.setId(id);
        line.getStyleClass().add("text-muted");
        line.setStyle("-fx-padding: 0 6 0 6;");
        line.setVisible(false);
        line.setManaged(false);
        return line;
    }

    /** Shows {@code text} on the line, with {@code more} after it in the tooltip (may be empty). */
    public static void show(Label line, String text, String more) {
        line.setText(text);
        line.setTooltip(new Tooltip(more.isEmpty() ? text : text + "\n" + more));
        line.setVisible(true);
        line.setManaged(true);
    }
}
