package dev.evalbench.app.open;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.evalbench.app.InScene.right;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.core.service.RunFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import org.junit.jupiter.api.Test;

/**
 * A signed report with a baseline, opened read-only as CI's reviewer opens it: its results tab fits the centre. The
 * sentence saying where its gates come from ("As the report recorded them, against run …; open the workspace …")
 * held the whole view wider than the centre, so its right edge was cut off: the count read "159 of 159" and the
 * last action "Verify signat". The sentence gives way instead, whole in its tooltip.
 */
@dev.evalbench.app.SharesFxToolkit
class ReadOnlyReportFitsTest extends WindowTestBase {

    @Test
    void theReadOnlyResultsOfASignedReportWithABaselineFitTheCentre() throws Exception {
        Path folder = SignedReportFolder.make(temp);

        fixture = WorkbenchFixture.withoutWorkspace(temp.resolve("reviewer"));
        fixture.start(Map.of(), List.of(RunFiles.open(folder)));
        waitFor(20, TimeUnit.SECONDS, () -> FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream()
                .anyMatch(t -> t.getText().startsWith("Read-only "))));
        robot.interact(() -> {
            var tabs = fixture.workbench().window().tabs();
            Tab readOnly = tabs.getTabs().stream().filter(t -> t.getText().startsWith("Read-only ")).findFirst().orElseThrow();
            tabs.getSelectionModel().select(readOnly);
        });
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#gates-baseline").tryQuery().map(n -> ((Label) n).getText())
                .filter(t -> t.startsWith("As the report recorded them, against run ")).isPresent());

        Node centre = fixture.workbench().window().tabs();
        Node view = robot.lookup(".results-view").match(Node::isVisible).query();
        Button verify = robot.lookup("#opened-verify").queryAs(Button.class);
        Label count = robot.lookup("#results-count").queryAs(Label.class);
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> right(view) <= right(centre) + 0.5
                && right(verify) <= right(centre) && right(count) <= right(centre)));
        assertThat(FxWait.read(() -> ((Label) robot.lookup("#gates-baseline").query()).getTooltip().getText()))
                .startsWith("As the report recorded them, against run ");
    }
}
