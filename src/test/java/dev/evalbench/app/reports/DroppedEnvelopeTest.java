package dev.evalbench.app.reports;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.fx.FileDrop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.TransferMode;
import org.junit.jupiter.api.Test;

/**
 * A reviewer drops the envelope CI signed onto the verify tab: it is verified at once, and a tampered copy of
 * it is shown invalid. The report is made by the real command line over a real run of the sample.
 */
@dev.evalbench.app.SharesFxToolkit
class DroppedEnvelopeTest extends WindowTestBase {

    @Test
    void aDroppedEnvelopeIsVerifiedAndATamperedOneIsInvalid() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp.resolve("reviewer"));
        CiSignedReport signed = CiSignedReport.of(fixture.workspace, temp);
        Path envelope = signed.envelope();
        Path tampered = temp.resolve("tampered/report.intoto.json");
        Files.createDirectories(tampered.getParent());
        // The signature's first character changed to another: a signature that began with "A" already (1 in 64)
        // made the "tampered" copy equal to the original, and the test failed at the next line.
        String json = Files.readString(envelope);
        java.util.regex.Matcher sig = java.util.regex.Pattern.compile("\"sig\": *\"([A-Za-z0-9+/])").matcher(json);
        assertThat(sig.find()).as("a signature in %s", json).isTrue();
        String other = sig.group(1).equals("A") ? "B" : "A";
        Files.writeString(tampered, json.substring(0, sig.start(1)) + other + json.substring(sig.end(1)));
        assertThat(Files.readString(tampered)).isNotEqualTo(Files.readString(envelope));
        fixture.start(signed.env());

        robot.clickOn("#verify-report-button");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#verify-verdict").tryQuery().isPresent());
        ScrollPane verifyView = (ScrollPane) robot.lookup(n -> n instanceof VerifyView).query();
        TransferMode[] accepted = new TransferMode[1];
        robot.interact(() -> accepted[0] = FileDrop.drop(verifyView, envelope));

        assertThat(accepted[0]).isEqualTo(TransferMode.COPY);
        waitFor(30, TimeUnit.SECONDS, () -> verdict().startsWith("VALID") || verdict().startsWith("INVALID"));
        assertThat(verdict()).startsWith("VALID: signed by ed25519:");

        robot.interact(() -> FileDrop.drop(verifyView, tampered));
        waitFor(30, TimeUnit.SECONDS, () -> verdict().startsWith("INVALID"));
    }

    private String verdict() {
        return robot.lookup("#verify-verdict").queryAs(Label.class).getText();
    }
}
