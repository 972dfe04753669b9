package dev.evalbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.cli.Cli;
import dev.evalbench.core.compare.DiffRow;
import dev.evalbench.core.compare.ReviewCase;
import dev.evalbench.core.service.RunFiles;
import dev.evalbench.core.store.HistoryLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A reviewer with no history opens the two runs CI exported with {@code evalbench export} (the baseline on prompt
 * revision 4, the change on revision 5): the comparison's tuple diff has the template diff of the prompt, read
 * from the texts the exports carry, instead of "not in this run history".
 */
@org.junit.jupiter.api.parallel.Isolated("workbench tests share the JavaFX toolkit and run alone, serially")
class ExportedRunsTemplateDiffTest {
    @TempDir Path temp;
    private WorkbenchFixture fixture;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) fixture.stop();
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoExportedRunsShowTheChangedPromptsTemplateDiff() throws Exception {
        Path ci = temp.resolve("ci/support-triage");
        WorkbenchFixture.copyTree(Path.of("workspaces/support-triage"), ci);
        ReviewRuns runs = ReviewRuns.make(ci);
        Path before = temp.resolve("baseline.json");
        Path after = temp.resolve("change.json");
        assertThat(Cli.run("export", runs.baseline.id(), "--out", before.toString(), "-w", ci.toString()).exit()).isZero();
        assertThat(Cli.run("export", runs.latest.id(), "--out", after.toString(), "-w", ci.toString()).exit()).isZero();

        fixture = WorkbenchFixture.ofSample(temp.resolve("reviewer"));
        assertThat(HistoryLocation.defaultDb(fixture.workspace)).doesNotExist();
        fixture.start(Map.of(), List.of(RunFiles.open(before), RunFiles.open(after)));

        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-table").tryQuery().isPresent()
                && robot.lookup("#compare-table").queryAs(TableView.class).getItems().size() == 159);
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-versions .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("prompt triage: revision 4")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#compare-versions .label").queryAllAs(Label.class)).extracting(Label::getText)
                .noneMatch(t -> t.contains("not in this run history"));
        TitledPane pane = robot.lookup("#compare-template-triage").queryAs(TitledPane.class);
        assertThat(pane.getText()).isEqualTo("template diff of prompt triage (prompts/triage.yaml)");
        ListView<DiffRow> rows = (ListView<DiffRow>) pane.getContent();
        assertThat(rows.getItems()).anySatisfy(r -> {
            assertThat(r.beforeText()).contains("* {{ order.id }}");
            assertThat(r.afterText()).contains("- {{ order.id }}");
        });
        assertThat(rows.getItems()).anySatisfy(r -> assertThat(r.afterText()).contains("revision: 5"));
        assertThat(robot.lookup("#compare-table").queryAs(TableView.class).getItems().get(0))
                .isInstanceOfSatisfying(ReviewCase.class, c -> assertThat(c.regressed()).isTrue());
    }
}
