package dev.evalbench.app.runner;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.history.RunRow;
import dev.evalbench.app.results.ResultsView;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import org.junit.jupiter.api.Test;

/**
 * A run that another process writes into the window's history (a terminal's `evalbench run`), opened from the runs
 * list while it goes: its tab says it is running, not to resume it, and once the run ends the tab is read again in
 * its place, behind the tab the reader went on to. It said "INCOMPLETE: Resume finishes it" over the 114 cases
 * stored then, and kept saying it after the run had finished.
 */
@dev.evalbench.app.SharesFxToolkit
class TabsFollowHistoryTest extends WindowTestBase {
    @Test
    void aTerminalsRunOpenedWhileItGoesIsReadAgainWhenItEnds() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        fixture.start();
        waitFor(20, TimeUnit.SECONDS, () -> fixture.workbench().session().workspace() != null);

        CountDownLatch carryOn = new CountDownLatch(1);
        CompletableFuture<RunHeader> terminal;
        try (SampleHistory elsewhere = SampleHistory.of(fixture.workspace)) {
            // The other process's run holds after its fifth stored case until the test lets it go on.
            RunListener holding = new RunListener() {
                @Override
                public void caseFinished(CaseRecord record, int done, int total) {
                    if (done < 5) return;
                    try {
                        carryOn.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            terminal = CompletableFuture.supplyAsync(() -> {
                try {
                    return elsewhere.run(holding, new Cancellation());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            @SuppressWarnings("unchecked")
            ListView<RunRow> runs = robot.lookup("#history-list").queryAs(ListView.class);
            waitFor(20, TimeUnit.SECONDS, () -> runs.getItems().size() == 1
                    && runs.getItems().get(0).header().status() == RunStatus.RUNNING);
            String id = FxWait.read(() -> runs.getItems().get(0).id());
            robot.interact(() -> runs.getSelectionModel().select(0));
            robot.clickOn("#history-open");
            waitFor(30, TimeUnit.SECONDS, () -> ("results-tab-" + id).equals(selectedTab().getId())
                    && headline(selectedTab()).equals("RUNNING: the cases stored so far; read again when the run ends"));
            int storedThen = FxWait.read(() -> ((ResultsView) selectedTab().getContent()).table().getItems().size());
            assertThat(storedThen).isBetween(5, 158);

            // The reader goes on to a template while the run finishes.
            dev.evalbench.app.DoubleClick.opening(robot, () -> treeCell("triage.yaml  r4"),
                    () -> "triage.yaml".equals(selectedTab().getText()));
            carryOn.countDown();
            assertThat(terminal.get(60, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.COMPLETE);

            waitFor(30, TimeUnit.SECONDS, () -> {
                Tab tab = tab(id);
                return tab != null && ((ResultsView) tab.getContent()).table().getItems().size() == 159
                        && headline(tab).matches("(PASSED|FAILED): .*");
            });
            assertThat(selectedTab().getText()).as("the tab shown stays shown").isEqualTo("triage.yaml");
            assertThat(FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream().map(Tab::getText).toList()))
                    .as("the run's tab, read again where it was").hasSize(2).last().isEqualTo("triage.yaml");
        } finally {
            carryOn.countDown();
        }
    }

    private Tab tab(String runId) {
        return FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream()
                .filter(t -> ("results-tab-" + runId).equals(t.getId())).findFirst().orElse(null));
    }

    private static String headline(Tab tab) {
        Node headline = ((Node) tab.getContent()).lookup("#gates-headline");
        return headline == null ? "" : ((Label) headline).getText();
    }
}
