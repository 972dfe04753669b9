package dev.evalbench.app.history;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/**
 * A run whose judge's route was down, in the window's runs list: its row says cases were left ("cases left", a
 * warning sign), not "incomplete" under a pause sign as a run someone stopped; its tooltip says why.
 */
@dev.evalbench.app.SharesFxToolkit
class LeftCasesRowTest extends WindowTestBase {

    @Test
    void aRunWithCasesLeftByProviderTroubleSaysSoInTheRunsList() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        String id;
        try (SampleHistory history = SampleHistory.of(fixture.workspace)) {
            id = history.runWithJudgeDown().id();
        }
        fixture.start(java.util.Map.of("DOWN_KEY", "not-a-secret"));

        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#history-list .run-verdict")
                .match((Label l) -> "cases left".equals(l.getText())).tryQuery().isPresent());
        assertThat(FxWait.read(() -> robot.lookup("#history-list .run-verdict").queryAllAs(Label.class).stream()
                .map(Label::getText).toList())).doesNotContain("incomplete");
        javafx.scene.Node cell = robot.lookup("#history-list .list-cell").nth(0).query();
        String tooltip = FxWait.read(() -> ((javafx.scene.control.Control) cell).getTooltip().getText());
        assertThat(tooltip).startsWith("Run " + id + " · incomplete (125 cases not judged: judge reply-quality's route down"
                + " gave no answer (");
    }
}
