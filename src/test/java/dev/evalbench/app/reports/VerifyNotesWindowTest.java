package dev.evalbench.app.reports;

import static dev.evalbench.app.FxWait.read;
import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.fx.FileDrop;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.Test;

/**
 * What {@code verify} prints after "note:", the window shows under the signed files: here, that a template checked
 * out with Windows line ends matched as Evalbench reads it, and that {@code sha256sum} of it differs. The window
 * showed VALID and the file's row, and kept the note that a reviewer checking by hand needs.
 */
@dev.evalbench.app.SharesFxToolkit
class VerifyNotesWindowTest extends WindowTestBase {

    @Test
    void aFileThatMatchedWithItsLineEndsReadAsNewlinesIsNoted() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp.resolve("reviewer"));
        CiSignedReport signed = CiSignedReport.of(fixture.workspace, temp);
        Path template = fixture.workspace.resolve("prompts/triage.yaml");
        Files.writeString(template, Files.readString(template, StandardCharsets.UTF_8).replace("\n", "\r\n"),
                StandardCharsets.UTF_8);
        fixture.start(signed.env());

        robot.clickOn("#verify-report-button");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#verify-verdict").tryQuery().isPresent());
        ScrollPane verifyView = (ScrollPane) robot.lookup(n -> n instanceof VerifyView).query();
        robot.interact(() -> FileDrop.drop(verifyView, signed.envelope()));

        waitFor(30, TimeUnit.SECONDS,
                () -> text("#verify-verdict").startsWith("VALID") || text("#verify-verdict").startsWith("INVALID"));
        assertThat(text("#verify-verdict")).startsWith("VALID: signed by ed25519:");
        assertThat(text("#verify-notes")).isEqualTo("Note: prompts/triage.yaml has Windows line ends (\\r\\n) here and"
                + " matched as Evalbench reads a workspace, each \\r\\n as \\n; sha256sum of the file as it is differs"
                + " (sed 's/\\r$//' FILE | sha256sum gives the signed digest)\nNote: report.html is not signed (approving a"
                + " report names the approver on it): the verdict signed is report.json's and report.md's");
        assertThat(read(() -> robot.lookup("#verify-notes").query().isVisible())).isTrue();
    }

    private String text(String id) throws Exception {
        return read(() -> robot.lookup(id).queryAs(Label.class).getText());
    }
}
