package dev.evalbench.app.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.app.QuickRobot;
import dev.evalbench.app.SharesFxToolkit;
import dev.evalbench.app.fx.SameThreadTaskRunner;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.secret.KeyScrubber;
import dev.evalbench.core.workspace.EvalCase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A dataset case's detail shows its restricted values masked, as reports do, reveals them as the dataset keeps
 * them on request, and starts masked again for the next case shown.
 */
@SharesFxToolkit
class DatasetCaseDetailTest {
    private final FxRobot robot = QuickRobot.create();
    @TempDir Path temp;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aSampleTicketShowsMaskedUntilRevealedAndTheNextCaseStartsMasked() {
        DatasetModel model = new DatasetModel(new SameThreadTaskRunner(), dev.evalbench.cli.Cli.copySample(temp),
                "datasets/tickets.jsonl", Map.of());
        model.load();
        DatasetRow t001 = model.rows().get(0);
        DatasetRow t002 = model.rows().get(1);
        AtomicReference<DatasetCaseDetail> detail = new AtomicReference<>();
        robot.interact(() -> detail.set(new DatasetCaseDetail("datasets/tickets.jsonl").show(t001)));

        assertThat(vars(detail.get())).doesNotContain("hiroshi.sato@example.com").doesNotContain("4012 8888 8888 1881")
                .contains("[masked ").contains("Your app crashes");
        Button toggle = (Button) detail.get().lookup("#dataset-reveal");
        assertThat(toggle.getText()).isEqualTo("Reveal");

        robot.interact(toggle::fire);
        assertThat(vars(detail.get())).contains("hiroshi.sato@example.com").contains("4012 8888 8888 1881");
        assertThat(toggle.getText()).isEqualTo("Mask");

        robot.interact(() -> detail.get().show(t002));
        assertThat(vars(detail.get())).doesNotContain(t002RestrictedValue(t002)).contains("[masked ");
        assertThat(toggle.getText()).isEqualTo("Reveal");

        // The texts cannot be selected: their buttons copy them as shown, masked until revealed.
        robot.interact(() -> copy(detail.get(), "#dataset-case-vars-copy").fire());
        assertThat(clipboard()).isEqualTo(vars(detail.get())).contains("[masked ").doesNotContain(t002RestrictedValue(t002));
        robot.interact(() -> copy(detail.get(), "#dataset-case-expected-copy").fire());
        assertThat(clipboard()).contains("\"category\"");
    }

    private static Button copy(DatasetCaseDetail detail, String id) {
        return (Button) ((ScrollPane) detail.getCenter()).getContent().lookup(id);
    }

    private String clipboard() {
        AtomicReference<String> text = new AtomicReference<>();
        robot.interact(() -> text.set(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        return text.get();
    }

    @Test
    void aCaseWithNothingRestrictedHasNoRevealBar() throws Exception {
        ObjectNode vars = (ObjectNode) Json.MAPPER.readTree("{\"ticket\": \"Do you sell knives?\"}");
        EvalCase plain = new EvalCase("c1", vars, null, List.of(), List.of(), null, false, "d.jsonl", 1);
        DatasetRow row = DatasetRow.of("triage", plain, new OutboundMask(Map.of(), Map.of(), KeyScrubber.of(List.of())));
        AtomicReference<DatasetCaseDetail> detail = new AtomicReference<>();
        robot.interact(() -> detail.set(new DatasetCaseDetail("d.jsonl").show(row)));

        assertThat(row.masked()).isFalse();
        assertThat(detail.get().lookup("#dataset-reveal")).isNull();
        assertThat(vars(detail.get())).contains("Do you sell knives?");
    }

    /** The first restricted value of t002 as its dataset line keeps it. */
    private static String t002RestrictedValue(DatasetRow t002) {
        assertThat(t002.rawVars()).contains("@");
        String raw = t002.rawVars();
        int at = raw.indexOf('@');
        int start = raw.lastIndexOf('"', at) + 1;
        return raw.substring(start, raw.indexOf('"', at));
    }

    /** The input variables as shown (the pane is in no scene, so its scroll pane's content is asked directly). */
    private static String vars(DatasetCaseDetail detail) {
        return ((Text) ((ScrollPane) detail.getCenter()).getContent().lookup("#dataset-case-vars")).getText();
    }
}
