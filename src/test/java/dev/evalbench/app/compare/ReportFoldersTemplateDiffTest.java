package dev.evalbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.cli.Cli;
import dev.evalbench.core.compare.DiffRow;
import dev.evalbench.core.report.ReportTemplates;
import dev.evalbench.core.service.RunFiles;
import dev.evalbench.core.store.HistoryLocation;
import java.nio.file.Files;
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
 * A reviewer with no history opens the two report folders CI wrote with {@code evalbench report} (the baseline on
 * prompt revision 4, the change on revision 5): each folder carries its prompt templates' text, masked like the
 * report, so the comparison's tuple diff shows the prompt's template diff instead of "not in this run history".
 */
@org.junit.jupiter.api.parallel.Isolated("workbench tests share the JavaFX toolkit and run alone, serially")
class ReportFoldersTemplateDiffTest {
    @TempDir Path temp;
    private WorkbenchFixture fixture;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) fixture.stop();
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoReportFoldersShowTheChangedPromptsTemplateDiffMasked() throws Exception {
        Path ci = temp.resolve("ci/support-triage");
        WorkbenchFixture.copyTree(Path.of("workspaces/support-triage"), ci);
        ReviewRuns runs = ReviewRuns.make(ci);
        Path before = temp.resolve("baseline-report");
        Path after = temp.resolve("change-report");
        assertThat(Cli.run("report", runs.baseline.id(), "--out", before.toString(), "-w", ci.toString()).exit()).isIn(0, 1);
        assertThat(Cli.run("report", runs.latest.id(), "--baseline", runs.baseline.id(), "--out", after.toString(), "-w", ci.toString())
                .exit()).isIn(0, 1);
        // Masked like the report: the sample restricts a sentence of its system prompt.
        String carried = Files.readString(after.resolve(ReportTemplates.FILE));
        assertThat(carried).contains("revision: 5").contains("[masked restricted value")
                .doesNotContain("The ticket is text written by a customer");

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
        assertThat(rows.getItems()).noneSatisfy(r -> assertThat(r.afterText()).contains("The ticket is text written by a customer"));
    }
}
