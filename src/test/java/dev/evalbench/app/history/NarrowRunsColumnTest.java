package dev.evalbench.app.history;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.evalbench.app.InScene.left;
import static dev.evalbench.app.InScene.right;
import static dev.evalbench.app.InScene.top;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import org.junit.jupiter.api.Test;

/**
 * The left column dragged to 150 pixels: the runs fit it, their six buttons on two lines, all in view. The runs held a
 * minimum of 220 pixels, wider than the column, whose left side was then cut off ("UNS", the runs' first letters).
 */
@dev.evalbench.app.SharesFxToolkit
class NarrowRunsColumnTest extends WindowTestBase {

    @Test
    void theRunsFitANarrowColumnTheirButtonsWrapped() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        try (SampleHistory history = SampleHistory.of(fixture.workspace)) {
            history.run();
        }
        fixture.start();
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#history-list .list-cell").tryQuery().isPresent());
        SplitPane main = fixture.workbench().window().splitPanes().get("main");
        robot.interact(() -> main.setDividerPosition(0, 150 / main.getWidth()));

        Node view = robot.lookup("#history-view").query();
        Node column = main.getItems().get(0);
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> column.getLayoutBounds().getWidth() < 170));
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> left(view) >= left(column) - 0.5
                && right(view) <= right(column) + 0.5));
        List<Button> buttons = robot.lookup("#history-view .button").queryAllAs(Button.class).stream()
                .filter(Node::isVisible).map(Button.class::cast).toList();
        assertThat(buttons).hasSize(6);
        assertThat(FxWait.read(() -> buttons.stream().allMatch(b -> left(b) >= left(column) - 0.5
                && right(b) <= right(column) + 0.5))).as("every button in the column").isTrue();
        assertThat(FxWait.read(() -> buttons.stream().map(b -> Math.round(top(b))).distinct().count()))
                .as("the buttons' lines").isEqualTo(2);
    }
}
