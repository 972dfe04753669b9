package dev.evalbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.cli.Cli;
import dev.evalbench.core.compare.ReviewCase;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * A reviewer with no history opens the two runs CI exported with {@code evalbench export} (the baseline on prompt
 * revision 4, the change on revision 5): the comparison's tuple diff has the template diff of the prompt, read
 * from the texts the exports carry, instead of "not in this run history".
 */
@dev.evalbench.app.SharesFxToolkit
class ExportedRunsTemplateDiffTest extends WindowTestBase {

    @Test
    void twoExportedRunsShowTheChangedPromptsTemplateDiff() throws Exception {
        Path ci = temp.resolve("ci/support-triage");
        dev.evalbench.cli.Cli.copyTree(Path.of("workspaces/support-triage"), ci);
        ReviewRuns runs = ReviewRuns.make(ci);
        Path before = temp.resolve("baseline.json");
        Path after = temp.resolve("change.json");
        assertThat(Cli.run("export", runs.baseline.id(), "--out", before.toString(), "-w", ci.toString()).exit()).isZero();
        assertThat(Cli.run("export", runs.latest.id(), "--out", after.toString(), "-w", ci.toString()).exit()).isZero();

        fixture = WorkbenchFixture.ofSample(temp.resolve("reviewer"));
        OpenedPairTemplateDiff.open(robot, fixture, before, after);
        assertThat(robot.lookup("#compare-table").queryAs(TableView.class).getItems().get(0))
                .isInstanceOfSatisfying(ReviewCase.class, c -> assertThat(c.regressed()).isTrue());
    }
}
