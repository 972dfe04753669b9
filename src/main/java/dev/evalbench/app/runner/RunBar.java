package dev.evalbench.app.runner;

import atlantafx.base.theme.Styles;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The run bar on the right of the status bar: the newest run's progress, live counts per route, ETA and, while
 * it goes, a Cancel button; "n runs" when several go at once. Hidden until the first run. A timer asks the launcher to
 * deliver batches a slow provider held back. FX thread only.
 */
final class RunBar extends HBox {
    final ProgressBar bar = new ProgressBar();
    final Label text = new Label();
    final Button cancel = new Button("Cancel", new FontIcon("fth-square"));

    RunBar(RunLauncherViewModel vm) {
        super(8);
        setId("run-bar");
        setAlignment(Pos.CENTER_LEFT);
        bar.setPrefWidth(160);
        // A long status line beside the bar gives way, not the bar (a warning left it no width at all).
        bar.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.setId("run-bar-text");
        dev.evalbench.app.fx.WholeText.install(text);
        // The counts read whole beside a long status line, which gives way (the status bar shrinks its items
        // evenly, so the shorter counts were cut to "..." first); see show() for a failed run's reason.
        text.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.setId("run-cancel");
        cancel.setTooltip(new javafx.scene.control.Tooltip("Cancel the run: its finished cases stay stored (Ctrl+.)"));
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.managedProperty().bind(cancel.visibleProperty());
        Label others = new Label();
        others.getStyleClass().add(Styles.TEXT_MUTED);
        others.textProperty().bind(Bindings.createStringBinding(() -> {
            long active = vm.runs().stream().filter(RunProgress::active).count();
            return active > 1 ? active + " runs" : "";
        }, vm.runs()));
        getChildren().addAll(bar, text, others, cancel);
        visibleProperty().bind(vm.currentProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        vm.currentProperty().addListener((o, was, now) -> show(now));
        // Only while a run goes: a playing timeline keeps JavaFX's pulses coming, about 60 a second in an idle
        // window, and the toolkit's timer holds it, and so this window, after the window is closed.
        Timeline flush = new Timeline(new KeyFrame(Duration.millis(250), e -> vm.flush()));
        flush.setCycleCount(Timeline.INDEFINITE);
        vm.goingProperty().addListener((o, was, going) -> {
            if (going) flush.play();
            else flush.stop();
        });
    }

    /** The share of the window's width the counts may claim to be read whole. */
    static final double WHOLE_SHARE = 0.75;

    /**
     * The counts' width, up to {@code share} of the window's: three routes' counts, or a run of another workspace named
     * before its counts, asked for more than a 1,440-pixel window had, and the window grew past the screen's edge.
     * Beyond it they are cut, whole in the tooltip.
     */
    private javafx.beans.binding.DoubleBinding wholeUpTo(double share) {
        javafx.beans.binding.DoubleExpression windowWidth = Bindings.selectDouble(text.sceneProperty(), "width");
        return Bindings.createDoubleBinding(() -> {
            double whole = text.prefWidth(-1);
            return windowWidth.get() <= 0 ? whole : Math.min(whole, windowWidth.get() * share);
        }, text.textProperty(), windowWidth);
    }

    private void show(RunProgress run) {
        bar.progressProperty().unbind();
        text.textProperty().unbind();
        text.minWidthProperty().unbind();
        cancel.visibleProperty().unbind();
        if (run == null) return;
        bar.progressProperty().bind(run.fractionProperty());
        text.textProperty().bind(Bindings.concat("run ", Bindings.when(run.runIdProperty().isNull()).then("…")
                .otherwise(run.runIdProperty()), ": ", run.textProperty()));
        // Shown only while the run goes: a finished run's greyed red button read as something still to act on.
        cancel.visibleProperty().bind(Bindings.createBooleanBinding(run::active, run.stateProperty()));
        // Counts read whole; a failure's reason may be a path and a paragraph, which the status line says whole too: it
        // gives way (cut, whole in its tooltip) rather than widen the window past the screen, hiding the detail pane.
        // So does the why of cases not sent ("151 cases not sent: route openai not called: the server refused …"):
        // the status line's "…" left it unread beside two routes' counts.
        text.minWidthProperty().bind(Bindings.when(run.stateProperty().isEqualTo(RunProgress.State.FAILED)
                        .or(run.stateProperty().isEqualTo(RunProgress.State.REFUSED))
                        .or(run.stateProperty().isEqualTo(RunProgress.State.UNSENT))
                        .or(run.stateProperty().isEqualTo(RunProgress.State.UNJUDGED))
                        .or(run.stateProperty().isEqualTo(RunProgress.State.UNANSWERED)))
                .then(0.0).otherwise(wholeUpTo(WHOLE_SHARE)));
        cancel.setOnAction(e -> run.cancel());
    }
}
