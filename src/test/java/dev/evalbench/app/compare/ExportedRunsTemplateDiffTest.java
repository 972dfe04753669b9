package dev.evalbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
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
        java.util.List<Path> files = ReviewRuns.exported(temp);

        fixture = WorkbenchFixture.ofSample(temp.resolve("reviewer"));
        OpenedPairTemplateDiff.open(robot, fixture, files.get(0), files.get(1));
        assertThat(robot.lookup("#compare-table").queryAs(TableView.class).getItems().get(0))
                .isInstanceOfSatisfying(ReviewCase.class, c -> assertThat(c.regressed()).isTrue());
    }
}
