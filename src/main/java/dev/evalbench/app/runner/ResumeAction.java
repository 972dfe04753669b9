package dev.evalbench.app.runner;

import atlantafx.base.theme.Styles;
import dev.evalbench.app.gates.GatedRun;
import dev.evalbench.app.results.ResultsView;
import dev.evalbench.core.record.RunStatus;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A results tab's Resume, shown while its run is incomplete (cancelled, stopped by a signal, or an outage): the tab's
 * headline said "resume it from the history", where the reader had to find the run's row again. The resumed run's
 * tab is read again once it finishes (ResultsTabs#openInPlaceOf). FX thread only.
 */
final class ResumeAction {
    private ResumeAction() {}

    /** Adds the button to {@code view}'s actions; {@code resume} takes the run's id. */
    static void install(ResultsView view, ObservableValue<GatedRun> gated, Consumer<String> resume) {
        Button button = new Button("Resume", new FontIcon("fth-play-circle"));
        button.setId("results-resume");
        button.getStyleClass().add(Styles.SMALL);
        button.setTooltip(new Tooltip("Finish this run: its stored cases stay, the others run on the routes it used"));
        button.visibleProperty().bind(Bindings.createBooleanBinding(() -> gated.getValue() != null
                && gated.getValue().header().status() == RunStatus.INCOMPLETE, gated));
        button.managedProperty().bind(button.visibleProperty());
        button.setOnAction(e -> resume.accept(view.viewModel().runId()));
        view.addAction(button);
    }
}
