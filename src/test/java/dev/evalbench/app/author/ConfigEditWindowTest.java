package dev.evalbench.app.author;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;

/**
 * An author edits the sample's gates.yaml in its tab of the real window: a typo the workspace would refuse is said as
 * it is typed and keeps the file as it is; mended, Ctrl+S writes it and the workspace reads the new threshold; typing
 * is not lost to a closed tab without asking.
 */
@dev.evalbench.app.SharesFxToolkit
class ConfigEditWindowTest extends WindowTestBase {

    @Test
    void aGatesThresholdIsEditedATypoRefusedAndTheWorkspaceReadsTheSave() throws Exception {
        CodeArea area = gatesOpened();
        Path gates = fixture.workspace.resolve("gates.yaml");
        String was = Files.readString(gates);

        // A typo in a suite's name: said under the text as it is typed, in validate's words, its line tinted.
        select(area, "suite: triage, metric: classification", "suite: triage".length() - 1, "suite: triage".length());
        robot.push(KeyCode.DELETE);
        waitFor(10, TimeUnit.SECONDS, () -> !label("#config-problems-heading").isEmpty());
        assertThat(label("#config-problems-heading")).startsWith("This edit would add 1 problem to the workspace");
        assertThat(FxWait.read(() -> robot.lookup(".config-problem").queryAs(Label.class).getText()))
                .startsWith("gates.yaml:3:").contains("unknown suite \"triag\"");
        assertThat(FxWait.read(() -> area.getParagraph(2).getParagraphStyle())).contains("problem-line");
        assertThat(FxWait.read(() -> selectedTab().getText())).isEqualTo("gates.yaml *");

        // Ctrl+S refuses it: nothing written.
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitFor(10, TimeUnit.SECONDS, () -> label("#config-notice").startsWith("Not saved: the workspace would not run"
                + " with gates.yaml as it is here (1 problem below)"));
        assertThat(Files.readString(gates)).isEqualTo(was);

        // Mended, and a threshold lowered: saved, the rest of the file byte for byte, the workspace reads 0.8.
        robot.write("e");
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> robot.lookup(".config-problem").tryQuery().isEmpty()));
        select(area, "classification.category.accuracy, min: 0.85", "classification.category.accuracy, min: ".length(),
                "classification.category.accuracy, min: 0.85".length());
        robot.write("0.8");
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitFor(10, TimeUnit.SECONDS, () -> label("#config-notice").equals("Saved gates.yaml. The next run reads it."));
        assertThat(Files.readString(gates)).isEqualTo(was.replace("classification.category.accuracy, min: 0.85",
                "classification.category.accuracy, min: 0.8"));
        assertThat(FxWait.read(() -> selectedTab().getText())).isEqualTo("gates.yaml");
        waitFor(20, TimeUnit.SECONDS, () -> FxWait.read(() -> {
            var ws = fixture.workbench().session().workspace();
            return ws != null && ws.gates().stream().anyMatch(g -> g.id().equals("category-accuracy") && g.min() == 0.8);
        }));
    }

    /** Typing in a configuration file is not lost to a closed tab without asking; Cancel goes back to it. */
    @Test
    void closingTheTabOfAnEditedFileAsksFirst() throws Exception {
        CodeArea area = gatesOpened();
        Path gates = fixture.workspace.resolve("gates.yaml");
        String was = Files.readString(gates);
        robot.interact(() -> area.moveTo(0));
        robot.write("# reviewed\n");
        waitFor(5, TimeUnit.SECONDS, () -> "gates.yaml *".equals(FxWait.read(() -> selectedTab().getText())));

        robot.push(KeyCode.CONTROL, KeyCode.W);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Save the edits to gates.yaml?").tryQuery().isPresent());
        robot.clickOn("Cancel");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxWait.read(() -> selectedTab().getText())).isEqualTo("gates.yaml *");
        assertThat(FxWait.read(() -> area.getText())).startsWith("# reviewed\n");

        robot.push(KeyCode.CONTROL, KeyCode.W);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Discard").tryQuery().isPresent());
        robot.clickOn("Discard");
        waitFor(5, TimeUnit.SECONDS, () -> fixture.workbench().window().tabs().getTabs().isEmpty());
        assertThat(Files.readString(gates)).isEqualTo(was);
    }

    /** The sample's window with gates.yaml opened from the tree by keys (below the tree's fold); its text area. */
    private CodeArea gatesOpened() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp).start();
        waitFor(20, TimeUnit.SECONDS, () -> fixture.workbench().session().workspace() != null);
        robot.clickOn(fixture.stage.getScene().getRoot()).push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        robot.write("gates").push(KeyCode.ENTER);
        waitFor(10, TimeUnit.SECONDS, () -> selectedTab() != null && "gates.yaml".equals(selectedTab().getText()));
        CodeArea area = robot.lookup("#config-code").queryAs(CodeArea.class);
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> area.getText().startsWith("gates:")));
        return area;
    }

    /** Selects the part {@code from}..{@code to} of the first occurrence of {@code anchor}, the keyboard in the text. */
    private void select(CodeArea area, String anchor, int from, int to) {
        robot.interact(() -> {
            int at = area.getText().indexOf(anchor);
            area.requestFocus();
            area.selectRange(at + from, at + to);
        });
    }

    private String label(String id) throws Exception {
        return FxWait.read(() -> robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse(""));
    }
}
