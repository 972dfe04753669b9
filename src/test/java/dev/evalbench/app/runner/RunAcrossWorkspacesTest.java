package dev.evalbench.app.runner;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import org.junit.jupiter.api.Test;

/**
 * A run goes on in its own workspace's history when another workspace is opened while it runs: the switch closed
 * the history under it, and the run failed part way ("The run failed: …/history.db …"), left "running" in its history.
 * The run bar says where it ended; no results tab opens over the other workspace's history, and the run's opens when its
 * workspace is opened again.
 */
@dev.evalbench.app.SharesFxToolkit
class RunAcrossWorkspacesTest extends WindowTestBase {
    /** Probes of the safety suite kept in the test's copy: each answer takes its scripted quarter to half a second. */
    private static final int CASES = 10;

    @Test
    void aRunGoesOnInItsWorkspaceWhileAnotherIsOpened() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        Path probes = fixture.workspace.resolve("datasets/probes.jsonl");
        Files.write(probes, Files.readAllLines(probes).subList(0, CASES));
        Path invoices = temp.resolve("invoice-extraction").toAbsolutePath();
        dev.evalbench.cli.Cli.copyTree(Path.of("workspaces/invoice-extraction"), invoices);
        fixture.start();
        waitFor(20, TimeUnit.SECONDS, () -> fixture.workbench().session().workspace() != null
                && !robot.lookup("#launcher-routes").queryAs(MenuButton.class).getItems().isEmpty());
        tick("#launcher-routes", "offline-live");
        tick("#launcher-suites", "safety");
        @SuppressWarnings("unchecked")
        Spinner<Integer> concurrency = robot.lookup("#launcher-concurrency").queryAs(Spinner.class);
        robot.interact(() -> concurrency.getValueFactory().setValue(1));

        // A narrow window: the bar's counts, with the run's workspace named before them, ask for more than it has.
        robot.interact(() -> fixture.stage.setWidth(1000));
        robot.clickOn("#launcher-run");
        waitFor(30, TimeUnit.SECONDS, () -> barText().matches("run \\S+: [1-4] / " + CASES + " .*"));
        robot.interact(() -> fixture.workbench().session().open(invoices));
        waitFor(30, TimeUnit.SECONDS, () -> invoices.equals(fixture.workbench().session().folder())
                && !FxWait.read(() -> fixture.workbench().session().loadingProperty().get()));

        // While it goes, the bar says whose run it is; then where it ended.
        java.util.concurrent.atomic.AtomicBoolean namedWhileRunning = new java.util.concurrent.atomic.AtomicBoolean();
        double[] claimed = {0};
        String goingHere = "run \\S+: in workspace " + fixture.workspace.getFileName() + ": [0-9]+ / " + CASES + " .*ETA.*";
        waitFor(60, TimeUnit.SECONDS, () -> {
            String text = barText();
            if (text.matches(goingHere)) {
                namedWhileRunning.set(true);
                Label counts = robot.lookup("#run-bar-text").queryAs(Label.class);
                // Read whole up to three quarters of the window, cut beyond (whole in the tooltip): not a window widened
                // past the screen's edge.
                claimed[0] = Math.max(claimed[0], FxWait.read(() -> counts.minWidth(-1) / counts.getScene().getWidth()));
            }
            return !text.matches(goingHere) && !text.matches("run \\S+: [0-9]+ / .*");
        });
        assertThat(namedWhileRunning).as("the bar named the run's workspace while it went").isTrue();
        assertThat(claimed[0]).as("the share of the window the counts claimed").isLessThanOrEqualTo(RunBar.WHOLE_SHARE + 0.001);
        assertThat(FxWait.read(fixture.stage::getWidth)).isEqualTo(1000.0);
        assertThat(barText()).startsWith("run ").contains(": complete, in workspace " + fixture.workspace.getFileName() + ": "
                + CASES + " / " + CASES + " ");
        RunHeader run;
        try (SampleHistory history = SampleHistory.of(fixture.workspace)) {
            run = history.store.runs(10).get(0);
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(history.store.summaries(run.id())).hasSize(CASES);
        }
        assertThat(FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream().map(Tab::getId).toList()))
                .doesNotContain("results-tab-" + run.id());
        try (SampleHistory history = SampleHistory.of(invoices)) {
            assertThat(history.store.runs(10)).as("the invoices' history").isEmpty();
        }
        // Back in its workspace, the bar reads as for a run of it, and the run's results open, as they would have had
        // it ended there (its row had to be found in the history); opened elsewhere again, the bar names it again.
        robot.interact(() -> fixture.workbench().session().open(fixture.workspace));
        waitFor(30, TimeUnit.SECONDS, () -> barText().contains(": complete: " + CASES + " / " + CASES + " "));
        waitFor(30, TimeUnit.SECONDS, () -> ("results-tab-" + run.id()).equals(FxWait.read(() -> fixture.workbench().window()
                .tabs().getSelectionModel().getSelectedItem() == null ? null
                : fixture.workbench().window().tabs().getSelectionModel().getSelectedItem().getId())));
        robot.interact(() -> fixture.workbench().session().open(invoices));
        waitFor(30, TimeUnit.SECONDS, () -> barText().contains(": complete, in workspace " + fixture.workspace.getFileName()));
    }

    private String barText() {
        return LauncherDriving.barText(robot);
    }

    private void tick(String menu, String... names) {
        LauncherDriving.tick(robot, menu, names);
    }
}
