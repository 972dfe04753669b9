package dev.evalbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.QuickRobot;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The metric movements above a comparison's case list take one line, however many metrics moved, the rest scrolled
 * to: twelve took four lines at 1440 x 900 and left the list no row. Drawn in a stage as wide as a comparison's list.
 */
@dev.evalbench.app.SharesFxToolkit
class MovementsStripTest {
    private final FxRobot robot = QuickRobot.create();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void twelveMetricsTakeOneLineAndTheRestScroll() throws Exception {
        FlowPane flow = new FlowPane(6, 4);
        for (int i = 0; i < 12; i++) {
            flow.getChildren().add(new HBox(2, new Label("check check.no-refund-promise " + i + ":"), new Button("▲ 3 better"),
                    new Label("/"), new Button("▼ 102 worse")));
        }
        MovementsStrip strip = FxWait.read(() -> new MovementsStrip(flow));
        VBox list = new VBox(strip, new Label("the filter bar and the cases"));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(list, 1100, 600));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        double line = FxWait.read(() -> flow.getChildren().get(0).getLayoutBounds().getHeight());

        assertThat(FxWait.read(() -> flow.getHeight())).as("every group laid out, wrapped").isGreaterThan(3 * line);
        assertThat(FxWait.read(strip::getHeight)).as("one line shown").isCloseTo(line, within(4.0));
        robot.interact(() -> strip.setVvalue(1));
        double stripBottom = FxWait.read(() -> strip.localToScene(0, strip.getHeight()).getY());
        assertThat(FxWait.read(() -> flow.getChildren().get(11).localToScene(0, 0).getY()))
                .as("the last group scrolled into the strip").isLessThan(stripBottom);

        robot.interact(() -> flow.getChildren().remove(1, 12));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxWait.read(strip::getHeight)).as("one line").isCloseTo(line, within(4.0));
        robot.interact(flow.getChildren()::clear);
        // Laid out again on a later pulse: under a loaded CI run, one pulse after the clear still showed the old line.
        FxWait.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> FxWait.read(strip::getHeight) < 4.0);
        assertThat(FxWait.read(strip::getHeight)).as("nothing to show, no room taken").isLessThan(4.0);
    }
}
