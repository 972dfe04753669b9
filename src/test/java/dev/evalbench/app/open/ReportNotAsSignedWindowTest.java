package dev.evalbench.app.open;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.core.service.OpenedRun;
import dev.evalbench.core.service.RunFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/**
 * A signed report folder whose report.json was edited after signing (a failing gate made to pass) is named as not
 * as signed the moment it opens: in the status line and beside its name in the comparison, before anyone thinks of
 * "Verify". It opened as any report did, its edited verdicts shown as the report's.
 */
@dev.evalbench.app.SharesFxToolkit
class ReportNotAsSignedWindowTest extends WindowTestBase {

    @Test
    void aSignedReportEditedAfterSigningIsNamedNotAsSignedWhenOpened() throws Exception {
        Path folder = SignedReportFolder.make(temp);
        assertThat(RunFiles.open(folder).notAsSigned()).as("as signed").isNull();
        Path json = folder.resolve("report.json");
        String text = Files.readString(json, StandardCharsets.UTF_8);
        assertThat(text).contains("\"passed\":false");
        Files.writeString(json, text.replace("\"passed\":false", "\"passed\":true"), StandardCharsets.UTF_8);

        OpenedRun opened = RunFiles.open(folder);
        assertThat(opened.notAsSigned()).startsWith("report.json: sha256 differs from the signed subject");

        fixture = WorkbenchFixture.withoutWorkspace(temp.resolve("reviewer"));
        fixture.start(Map.of(), List.of(opened));
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-runs").tryQuery().isPresent());
        assertThat(label("#compare-runs")).contains("(ci-report) [NOT AS SIGNED] (read-only)");
        assertThat(label("#status-message")).contains(" read-only. Not as signed, so not to be trusted: report.json:"
                + " sha256 differs from the signed subject");
        // Its own results tab, beside the comparison, is named so too.
        assertThat(FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream().map(javafx.scene.control.Tab::getText)
                .filter(t -> t.startsWith("Read-only ")).toList()))
                .containsExactly("Read-only " + opened.run().id() + " [NOT AS SIGNED]");
    }

    private String label(String id) {
        return FxWait.read(() -> robot.lookup(id).queryAs(Label.class).getText());
    }
}
