package dev.evalbench.app.gates;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A verdict word in a table, readable without colour: "pass" with a check, "FAIL" with a cross, in the theme's
 * success and danger colours; any other word ("not run", "n/a") muted with a dash. Shared by the gates panel and
 * the comparison's gate deltas so both say a verdict the same way. FX thread only.
 */
public final class VerdictCell<S> extends TableCell<S, String> {
    /**
     * The word for a gate that compares with a baseline, in a run that had none (as the command line's
     * comparison says "n/a (needs a baseline)"): short enough for a verdict column, its reason in the tooltip.
     */
    public static final String NEEDS_BASELINE = "n/a";
    /** Made when first shown: most cells never say "n/a". */
    private Tooltip whyNotApplied;

    // Made with their literals: an icon whose literal is set later can lose its font.
    private final FontIcon pass = icon("fth-check-circle", "-color-success-fg");
    private final FontIcon fail = icon("fth-x-circle", "-color-danger-fg");
    private final FontIcon none = icon("fth-minus-circle", "-color-fg-muted");

    @Override
    protected void updateItem(String word, boolean empty) {
        super.updateItem(word, empty);
        if (empty || word == null) {
            setText(null);
            setGraphic(null);
            setStyle(null);
            setTooltip(null);
            return;
        }
        setText(word);
        setTooltip(NEEDS_BASELINE.equals(word) ? whyNotApplied() : null);
        switch (word) {
            case "pass" -> { setGraphic(pass); setStyle("-fx-text-fill: -color-success-fg; -fx-font-weight: bold;"); }
            case "FAIL" -> { setGraphic(fail); setStyle("-fx-text-fill: -color-danger-fg; -fx-font-weight: bold;"); }
            default -> { setGraphic(none); setStyle("-fx-text-fill: -color-fg-muted;"); }
        }
    }

    private Tooltip whyNotApplied() {
        if (whyNotApplied == null) {
            whyNotApplied = new Tooltip(
                    "needs a baseline: this gate compares with a baseline run, and this run was gated without one");
        }
        return whyNotApplied;
    }

    private static FontIcon icon(String literal, String colour) {
        FontIcon icon = new FontIcon(literal);
        // Appended: the icon keeps its font in its own inline style.
        icon.setStyle(icon.getStyle() + "-fx-icon-color: " + colour + ";");
        return icon;
    }
}
