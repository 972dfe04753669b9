package dev.evalbench.app.fx;

import java.util.function.Function;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Hooks a window's parts put on the stage that shows their scene (a listener, a close guard, an event handler),
 * kept only while the scene is that stage's. A stage outlives the scenes it shows: a hook left behind keeps the
 * whole window it refers to reachable, with its tabs, runs and records. Test classes put a new workbench on one
 * shared stage after another; before this, each left its window behind, and the test JVM's live heap grew to
 * 600 MB. FX thread only.
 */
public final class WhileOnStage {
    private WhileOnStage() {}

    /**
     * Calls {@code attach} with the stage {@code scene} is on, now if it is on one and whenever it is put on
     * another, and runs what {@code attach} returned as the scene leaves that stage.
     *
     * @param attach adds the hooks to the stage; returns the work that removes them
     */
    public static void attach(Scene scene, Function<Stage, Runnable> attach) {
        ChangeListener<Window> follow = new ChangeListener<>() {
            private Runnable detach;

            @Override
            public void changed(ObservableValue<? extends Window> o, Window was, Window now) {
                if (detach != null) {
                    detach.run();
                    detach = null;
                }
                if (now instanceof Stage stage) detach = attach.apply(stage);
            }
        };
        scene.windowProperty().addListener(follow);
        if (scene.getWindow() != null) follow.changed(scene.windowProperty(), null, scene.getWindow());
    }
}
