package dev.evalbench.app.results;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.DoubleClick;
import dev.evalbench.app.FxWait;
import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import org.junit.jupiter.api.Test;

/**
 * Two runs started in the same minute (a quick re-run after an edit) open as two results tabs a user tells apart
 * by their titles, not only by hovering each for its run id.
 */
@dev.evalbench.app.SharesFxToolkit
class ResultsTabTitleTest extends WindowTestBase {
    @Test
    void runsStartedInTheSameMinuteHaveTabsTitledApart() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        try (SampleHistory history = SampleHistory.of(fixture.workspace)) {
            history.runAt(Instant.parse("2026-11-29T10:41:05Z"));
            history.runAt(Instant.parse("2026-11-29T10:41:50Z"));
        }
        fixture.start();
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#history-list .list-cell").nth(1).tryQuery().isPresent());

        DoubleClick.opening(robot, () -> historyRow(0), () -> titles().size() == 1);
        DoubleClick.opening(robot, () -> historyRow(1), () -> titles().size() == 2);

        List<String> titles = titles();
        assertThat(titles).doesNotHaveDuplicates()
                .allSatisfy(t -> assertThat(t).matches("Results 2026-11-\\d\\d \\d\\d:\\d\\d:(05|50)"));
    }

    private Node historyRow(int n) {
        return robot.lookup("#history-list .list-cell").nth(n).queryAs(Node.class);
    }

    private List<String> titles() {
        return FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream().map(Tab::getText).toList());
    }
}
