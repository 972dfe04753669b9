package dev.evalbench.app.author;

import static dev.evalbench.app.FxWait.read;
import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/**
 * A prompt saved as UTF-16 (Windows PowerShell's >) in the real window. The tree read every prompt for its revision
 * with the JDK's UTF-8 reader, whose failure ("Input length = 1") emptied the whole tree: the author could not even
 * open the file the Problems panel named. The tree lists it without a revision, the other prompts with theirs.
 */
@dev.evalbench.app.SharesFxToolkit
class NotUtf8PromptTreeTest extends TriageWindowTestBase {

    @Test
    void aUtf16PromptIsListedWithoutARevisionAndTheRestOfTheTreeStays() throws Exception {
        waitUntilWatching();
        Path file = fixture.workspace.resolve("prompts/triage.yaml");
        Files.write(file, Files.readString(file, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16));

        waitFor(20, TimeUnit.SECONDS, () -> treeCell("triage.yaml") != null);
        assertThat(treeCell("reply-rubric.yaml  r1")).as("the other prompt keeps its revision").isNotNull();
        assertThat(read(() -> robot.lookup("#status-message").queryAs(Label.class).getText())).doesNotContain("Failed");

        dev.evalbench.app.DoubleClick.opening(robot, () -> treeCell("triage.yaml"),
                () -> selectedTab() != null && "triage.yaml".equals(selectedTab().getText()));
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof javafx.scene.control.Labeled l
                && l.getText() != null && l.getText().startsWith("Cannot read prompts/triage.yaml: it is UTF-16 text"))
                .tryQuery().isPresent());
    }
}
