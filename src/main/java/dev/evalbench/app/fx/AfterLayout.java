package dev.evalbench.app.fx;

import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs work once the next layout pulse of a scene is over, that is once what the user waits for is laid out for
 * drawing: follow-up work (reading the rest of a run, gating it) then neither adds to that pulse nor takes
 * the cores it needs. FX thread only.
 */
public final class AfterLayout {
    private AfterLayout() {}

    /** An executor that runs each body after the next layout pulse of {@code scene}, or at once without a scene. */
    public static Executor of(java.util.function.Supplier<Scene> scene) {
        return body -> run(scene.get(), body);
    }

    /**
     * Runs {@code body} after the next layout pulse of the scene {@code node} is in, or, while it is in none, of
     * the first scene it is put in: what it measures is then styled and laid out.
     */
    public static void runIn(javafx.scene.Node node, Runnable body) {
        if (node.getScene() != null) {
            run(node.getScene(), body);
            return;
        }
        javafx.beans.value.ChangeListener<Scene> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene was, Scene now) {
                if (now == null) return;
                node.sceneProperty().removeListener(this);
                run(now, body);
            }
        };
        node.sceneProperty().addListener(once);
    }

    /** Runs {@code body} after the next layout pulse of {@code scene} (asking for one), or at once when it is null. */
    public static void run(Scene scene, Runnable body) {
        if (scene == null) {
            body.run();
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            body.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }
}
