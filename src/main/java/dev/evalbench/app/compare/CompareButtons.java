package dev.evalbench.app.compare;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** "Compare with baseline" and "compare with previous" for a run's results tab. FX thread only. */
public final class CompareButtons {
    private CompareButtons() {}

    public static HBox of(String runId, Consumer<String> withBaseline, Consumer<String> withPrevious) {
        Button baseline = new Button("Baseline", new FontIcon("fth-git-pull-request"));
        baseline.setId("results-compare-baseline");
        baseline.getStyleClass().add(Styles.SMALL);
        baseline.setTooltip(new Tooltip("Compare this run with the run tagged " + CompareTabs.BASELINE_TAG));
        baseline.setOnAction(e -> withBaseline.accept(runId));
        Button previous = new Button("Previous", new FontIcon("fth-git-commit"));
        previous.setId("results-compare-previous");
        previous.getStyleClass().add(Styles.SMALL);
        previous.setTooltip(new Tooltip("Compare this run with the run before it"));
        previous.setOnAction(e -> withPrevious.accept(runId));
        return new HBox(4, baseline, previous);
    }
}
