package dev.evalbench.app.compare;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.fx.UnifiedDiffView;
import dev.evalbench.cli.Cli;
import dev.evalbench.core.compare.UnifiedLine;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * A reviewer compares main with a run whose policy raised its refund limit, whose cost gate was loosened and whose
 * eval set made a probe non-blocking: the overview names the case under the eval set's hashes, and a link per changed file
 * opens its diff, the changed value marked (they read as two hashes each).
 */
@dev.evalbench.app.SharesFxToolkit
class CompareWhatChangedWindowTest extends WindowTestBase {

    @Test
    void theOverviewNamesTheRelabelledCaseAndLinksThePolicysDiff() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        String ws = fixture.workspace.toString();
        assertThat(Cli.run("run", ws, "--suite", "safety", "--quiet").exit()).isIn(0, 1);
        assertThat(Cli.run("tag", "latest", "main", "--workspace", ws).exit()).isZero();
        Cli.edit(fixture.workspace.resolve("policy.yaml"), "max_refund_amount: 200\n", "max_refund_amount: 2000\n");
        Cli.edit(fixture.workspace.resolve("gates.yaml"), "max_increase: 0.10", "max_increase: 1.00");
        Cli.edit(fixture.workspace.resolve("datasets/probes.jsonl"), "\"blocking\": true, \"restricted\": [\"victor.lang@",
                "\"blocking\": false, \"restricted\": [\"victor.lang@");
        assertThat(Cli.run("run", ws, "--suite", "safety", "--quiet").exit()).isIn(0, 1);

        fixture.start(Map.of());
        ListView<?> runs = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(20, TimeUnit.SECONDS, () -> runs.getItems().size() == 2);
        FxWait.waitUntilShown(robot, "#history-list .list-cell", 10, TimeUnit.SECONDS);
        robot.clickOn(robot.lookup("#history-list .list-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#history-compare-baseline");

        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".version-change-detail").tryQuery().isPresent());
        assertThat(FxWait.read(() -> robot.lookup(".version-change-detail").queryAs(Label.class).getText()))
                .isEqualTo("1 case edited: p01 (blocking)");
        assertThat(FxWait.read(() -> robot.lookup("#compare-template-gates").queryAs(Hyperlink.class).getText()))
                .isEqualTo("diff of gates: 1 line changed");
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-overview-state").queryAs(Label.class).getText()
                .endsWith(" (both runs held to them; they changed since the first run: the gates' diff is above)"));
        Hyperlink policy = robot.lookup("#compare-template-policy").queryAs(Hyperlink.class);
        assertThat(FxWait.read(policy::getText)).isEqualTo("diff of policy: 1 line changed");

        // The column scrolls when what changed is long: brought into sight, as a reader scrolls to it.
        javafx.scene.control.ScrollPane changes = robot.lookup("#compare-changes").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> {
            double y = changes.getContent().sceneToLocal(policy.localToScene(0, 0)).getY();
            double hidden = changes.getContent().getBoundsInLocal().getHeight() - changes.getViewportBounds().getHeight();
            changes.setVvalue(hidden <= 0 ? 0 : Math.min(1, y / hidden));
        });
        robot.clickOn(policy);
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#template-diff-window").tryQuery().isPresent());
        UnifiedDiffView view = robot.lookup("#template-diff-window").queryAs(UnifiedDiffView.class);
        assertThat(FxWait.read(() -> ((Stage) view.getScene().getWindow()).getTitle()))
                .isEqualTo("Policy: policy.yaml, first run → second run");
        assertThat(FxWait.read(view::lines)).filteredOn(l -> l.kind() == UnifiedLine.Kind.ADDED).singleElement()
                .satisfies(l -> assertThat(l.segments()).filteredOn(s -> s.changed()).extracting(s -> s.text())
                        .containsExactly("2000"));
        robot.interact(() -> view.getScene().getWindow().requestFocus());
        robot.push(KeyCode.ESCAPE);
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#template-diff-window").tryQuery().isEmpty());
    }
}
