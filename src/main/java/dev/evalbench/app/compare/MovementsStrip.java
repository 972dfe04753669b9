package dev.evalbench.app.compare;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;

/**
 * The metric movements above the case list ("cases passed: ▲ 2 better / ▼ 112 worse", one group per metric, cases
 * passed first), one line tall; the others scroll in place, its scroll bar saying there are more. A comparison whose
 * prompt and model both changed moved twelve metrics: their four lines took the list's whole share of the split, and
 * at 1440 x 900 not one case row was left; two lines still left a laptop's 1280 x 800 under three rows. FX thread only.
 */
final class MovementsStrip extends ScrollPane {
    static final int LINES = 1;
    private final FlowPane movements;

    MovementsStrip(FlowPane movements) {
        super(movements);
        this.movements = movements;
        setId("compare-movements");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
        getStyleClass().add("edge-to-edge");
        setMinHeight(USE_PREF_SIZE);
        // The flow wraps to the strip's width: its lines change with the width, and so the strip's height.
        widthProperty().addListener((o, was, now) -> requestLayout());
        movements.getChildren().addListener((javafx.collections.ListChangeListener<Node>) c -> requestLayout());
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : getWidth();
        double all = w > 0 ? movements.prefHeight(w) : movements.prefHeight(-1);
        double line = movements.getChildren().isEmpty() ? 0 : movements.getChildren().get(0).prefHeight(-1);
        double most = LINES * line + (LINES - 1) * movements.getVgap() + movements.snappedTopInset()
                + movements.snappedBottomInset();
        return Math.min(all, most) + snappedTopInset() + snappedBottomInset();
    }
}
