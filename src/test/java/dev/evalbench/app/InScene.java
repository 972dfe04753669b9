package dev.evalbench.app;

import javafx.scene.Node;

/** Where a node's edges are in its scene, for tests that ask whether one fits inside another. Call on the FX thread. */
public final class InScene {
    private InScene() {}

    public static double left(Node node) {
        return node.localToScene(node.getLayoutBounds()).getMinX();
    }

    public static double right(Node node) {
        return node.localToScene(node.getLayoutBounds()).getMaxX();
    }

    public static double top(Node node) {
        return node.localToScene(node.getLayoutBounds()).getMinY();
    }

    public static double centreY(Node node) {
        return node.localToScene(node.getLayoutBounds()).getCenterY();
    }
}
