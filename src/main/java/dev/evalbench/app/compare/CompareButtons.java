package dev.evalbench.app.compare;

import atlantafx.base.theme.Styles;
import dev.evalbench.app.shell.MainWindow;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Compare with baseline" and "compare with previous" for a run's results tab, and their keys (Ctrl+Shift+B,
 * Ctrl+Shift+P), which press the buttons of the results tab shown, whichever front end opened it (a history run
 * or a run file). FX thread only.
 */
public final class CompareButtons {
    private static final String BASELINE_ID = "results-compare-baseline";
    private static final String PREVIOUS_ID = "results-compare-previous";

    private CompareButtons() {}

    public static HBox of(String runId, Consumer<String> withBaseline, Consumer<String> withPrevious) {
        Button baseline = new Button("Baseline", new FontIcon("fth-git-pull-request"));
        baseline.setId(BASELINE_ID);
        baseline.getStyleClass().add(Styles.SMALL);
        baseline.setTooltip(new Tooltip("Compare this run with the run tagged " + CompareTabs.BASELINE_TAG
                + "; a shadow run with the traffic it replayed, a canary with its control (Ctrl+Shift+B)"));
        baseline.setOnAction(e -> withBaseline.accept(runId));
        Button previous = new Button("Previous", new FontIcon("fth-git-commit"));
        previous.setId(PREVIOUS_ID);
        previous.getStyleClass().add(Styles.SMALL);
        previous.setTooltip(new Tooltip("Compare this run with the run before it (Ctrl+Shift+P)"));
        previous.setOnAction(e -> withPrevious.accept(runId));
        return new HBox(4, baseline, previous);
    }

    /** Ctrl+Shift+B and Ctrl+Shift+P: the buttons above, of the results tab shown; without one, the status says so. */
    public static void installShortcuts(MainWindow window) {
        window.shortcuts().add(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                "Compare", "Compare the run of the results tab shown with the baseline (the run tagged "
                        + CompareTabs.BASELINE_TAG + ")", () -> press(window, BASELINE_ID, "the baseline"));
        window.shortcuts().add(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                "Compare", "Compare the run of the results tab shown with the run before it",
                () -> press(window, PREVIOUS_ID, "the run before it"));
    }

    private static void press(MainWindow window, String id, String with) {
        Tab shown = window.tabs().getSelectionModel().getSelectedItem();
        Node button = shown == null || shown.getContent() == null ? null : shown.getContent().lookup("#" + id);
        if (button instanceof Button b) {
            if (!b.isDisabled()) b.fire();
            return;
        }
        window.status("Nothing to compare here: the key compares the run of the results tab shown with " + with
                + "; show one, or open a run from the history (Ctrl+H, then Enter).");
    }
}
