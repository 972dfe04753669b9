package dev.evalbench.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.QuickRobot;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** A window's hooks on a stage live exactly as long as its scene is that stage's. */
@dev.evalbench.app.SharesFxToolkit
class WhileOnStageTest {
    private final FxRobot robot = QuickRobot.create();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void hooksAreAddedOnTheStageThatShowsTheSceneAndRemovedAsTheSceneLeavesIt() {
        List<String> seen = new ArrayList<>();
        robot.interact(() -> {
            Stage first = new Stage();
            Stage second = new Stage();
            first.setTitle("first");
            second.setTitle("second");
            Scene scene = new Scene(new Pane());
            WhileOnStage.attach(scene, stage -> {
                seen.add("on " + stage.getTitle());
                return () -> seen.add("off " + stage.getTitle());
            });
            assertThat(seen).as("no stage yet").isEmpty();

            first.setScene(scene);
            first.setScene(new Scene(new Pane())); // another window takes the stage, as each workbench test does
            second.setScene(scene);
        });

        assertThat(seen).containsExactly("on first", "off first", "on second");
    }

    @Test
    void aSceneAlreadyOnAStageIsHookedAtOnce() {
        List<String> seen = new ArrayList<>();
        robot.interact(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(new Pane());
            stage.setScene(scene);
            WhileOnStage.attach(scene, on -> {
                seen.add(on == stage ? "on its stage" : "on another");
                return () -> seen.add("off");
            });
            stage.setScene(null);
        });

        assertThat(seen).containsExactly("on its stage", "off");
    }
}
