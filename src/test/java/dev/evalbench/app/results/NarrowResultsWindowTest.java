package dev.evalbench.app.results;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.evalbench.app.InScene.centreY;
import static dev.evalbench.app.InScene.right;
import static dev.evalbench.app.InScene.top;

import dev.evalbench.app.DrawnWhole;
import dev.evalbench.app.FxWait;
import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * A run's results in a window 1,100 pixels wide: the filter's choice boxes go under the text field, and the count of
 * cases it shows stays in view, whole; at the headless screen's full 1,280 they are one row again. The one row asked
 * for more than the centre's 500 pixels: its right end was cut off, the count read "159 of 15", and the text field
 * was squeezed to nothing.
 */
@dev.evalbench.app.SharesFxToolkit
class NarrowResultsWindowTest extends WindowTestBase {

    @Test
    void theFilterGoesOnTwoRowsInANarrowCentreAndTheCountStaysWhole() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        try (SampleHistory history = SampleHistory.of(fixture.workspace)) {
            history.run();
        }
        fixture.start();
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#history-list .list-cell").tryQuery().isPresent());
        dev.evalbench.app.DoubleClick.newestRun(robot);
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#results-table").tryQuery()
                .map(t -> ((TableView<?>) t).getItems().size() == 159).orElse(false));
        Node filter = robot.lookup("#results-filter").query();
        Node verdict = robot.lookup("#results-verdict").query();
        Label count = robot.lookup("#results-count").queryAs(Label.class);
        Node centre = fixture.workbench().window().tabs();
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> sameRow(filter, verdict)));

        robot.interact(() -> fixture.stage.setWidth(1100));

        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> !sameRow(filter, verdict)
                && top(verdict) > top(filter) && right(count) <= right(centre) && DrawnWhole.of(count)));
        assertThat(count.getText()).isEqualTo("159 of 159 cases");
        assertThat(FxWait.read(() -> filter.getLayoutBounds().getWidth())).as("the text field's width").isGreaterThan(100);

        robot.interact(() -> fixture.stage.setWidth(1280));
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> sameRow(filter, verdict)));
    }

    private static boolean sameRow(Node a, Node b) {
        return Math.abs(centreY(a) - centreY(b)) < 2;
    }
}
