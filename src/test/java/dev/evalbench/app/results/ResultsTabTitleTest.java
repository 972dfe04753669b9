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
 * Two runs started in the same minute (a quick re-run after an edit) are told apart in the history list and as two
 * results tabs, by their times to the second, not only by hovering each for its run id.
 */
@dev.evalbench.app.SharesFxToolkit
class ResultsTabTitleTest extends WindowTestBase {
    @Test
    void runsStartedInTheSameMinuteAreToldApartInTheHistoryAndTheirTabs() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        try (SampleHistory history = SampleHistory.of(fixture.workspace)) {
            history.runAt(Instant.parse("2026-11-29T10:41:05Z"));
            history.runAt(Instant.parse("2026-11-29T10:41:50Z"));
        }
        fixture.start();
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#history-list .list-cell").nth(1).tryQuery().isPresent());

        DoubleClick.opening(robot, () -> historyRow(0), () -> titles().size() == 1);
        DoubleClick.opening(robot, () -> historyRow(1), () -> titles().size() == 2);

        // The history's rows too, in the narrow list, drawn whole.
        List<javafx.scene.control.Label> dates = FxWait.read(() -> robot.lookup("#history-list .run-when")
                .queryAllAs(javafx.scene.control.Label.class).stream().filter(javafx.scene.control.Label::isVisible).toList());
        assertThat(dates).extracting(javafx.scene.control.Label::getText).doesNotHaveDuplicates()
                .allSatisfy(t -> assertThat(t).matches("11-\\d\\d \\d\\d:\\d\\d:(05|50)"));
        assertThat(FxWait.read(() -> dates.stream().allMatch(dev.evalbench.app.DrawnWhole::of))).isTrue();

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
