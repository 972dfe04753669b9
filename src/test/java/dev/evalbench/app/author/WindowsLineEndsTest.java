package dev.evalbench.app.author;

import static dev.evalbench.app.FxWait.waitFor;
import static dev.evalbench.app.FxWait.waitUntilShown;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A template with Windows line ends (\r\n, as git's core.autocrlf checks files out there), in the real editor. Its
 * text area holds lines in \n alone, so the file opened marked "unsaved edits" before a key was pressed (Ctrl+W
 * asked to save it), and a save would have rewritten every line end: a diff of the whole file in the pull request.
 */
@dev.evalbench.app.SharesFxToolkit
class WindowsLineEndsTest extends TriageWindowTestBase {

    @Test
    void aTemplateWithWindowsLineEndsOpensUneditedAndIsSavedWithThem() throws Exception {
        Path file = fixture.workspace.resolve("prompts/triage.yaml");
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("\n", "\r\n"), StandardCharsets.UTF_8);

        CodeArea area = openTriage();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // the model takes the area's text a pulse later
        assertThat(selectedTab().getText()).isEqualTo("triage.yaml");
        assertThat(robot.lookup("unsaved edits").tryQuery().filter(javafx.scene.Node::isVisible)).isEmpty();

        waitFor(10, TimeUnit.SECONDS, () -> area.getScene() != null && area.getScene().getFocusOwner() == area);
        caretAfter(area, "The customer wrote:");
        robot.write(" (verbatim)");
        waitFor(5, TimeUnit.SECONDS, () -> "triage.yaml *".equals(selectedTab().getText()));
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntilShown(robot, "#changelog", 5, TimeUnit.SECONDS);
        robot.clickOn("#changelog").write("Quote the ticket").push(KeyCode.ENTER);

        waitFor(10, TimeUnit.SECONDS, () -> Files.readString(file, StandardCharsets.UTF_8).contains("revision: 5"));
        String saved = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(saved).contains("The customer wrote: (verbatim)\r\n").contains("changelog: \"Quote the ticket\"\r\n");
        assertThat(saved.replace("\r\n", "")).as("every line ends in \\r\\n").doesNotContain("\n");
        waitFor(5, TimeUnit.SECONDS, () -> "triage.yaml".equals(selectedTab().getText()));
    }
}
