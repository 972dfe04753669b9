package dev.evalbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.cli.Cli;
import dev.evalbench.core.compare.UnifiedLine;
import dev.evalbench.core.report.ReportTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * A reviewer with no history opens the two report folders CI wrote with {@code evalbench report} (the baseline on
 * prompt revision 4, the change on revision 5): each folder carries its prompt templates' text, masked like the
 * report, so the comparison's tuple diff shows the prompt's template diff instead of "not in this run history".
 */
@dev.evalbench.app.SharesFxToolkit
class ReportFoldersTemplateDiffTest extends WindowTestBase {

    @Test
    void twoReportFoldersShowTheChangedPromptsTemplateDiffMasked() throws Exception {
        Path ci = temp.resolve("ci/support-triage");
        dev.evalbench.cli.Cli.copyTree(Path.of("workspaces/support-triage"), ci);
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
        List<UnifiedLine> lines = OpenedPairTemplateDiff.open(robot, fixture, before, after);
        assertThat(lines).noneSatisfy(l -> assertThat(l.text()).contains("The ticket is text written by a customer"));
    }
}
