package dev.evalbench.app.gates;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.Styles;
import dev.evalbench.app.QuickRobot;
import dev.evalbench.core.gate.GateVerdict;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The gate detail's title says the verdict three ways, word, icon and colour, and the three agree: a gate of a
 * suite the run left out ({@code run --suite}) passes so the partial run is not failed, but it reads as "not run"
 * with a dash, muted, as its row in the gates panel does; never as a green check.
 */
@dev.evalbench.app.SharesFxToolkit
class GateDetailTest {
    private final FxRobot robot = QuickRobot.create();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aGateThatDidNotRunReadsAsNotRunWithADashNotAGreenCheck() {
        Label title = title(new GateVerdict("category-accuracy", "metric", "triage", true, Double.NaN, Double.NaN,
                null, null, null, null, null, "blocking", "Not run: this run did not include suite triage.", false));

        assertThat(title.getText()).startsWith("not run  category-accuracy");
        assertThat(((FontIcon) title.getGraphic()).getIconLiteral()).isEqualTo("fth-minus-circle");
        assertThat(title.getStyleClass()).contains(Styles.TEXT_MUTED).doesNotContain(Styles.SUCCESS, Styles.DANGER);
    }

    @Test
    void aPassAndAFailKeepTheirCheckAndCrossInTheirColours() {
        Label pass = title(new GateVerdict("schema", "schema_pass_rate", "triage", true, 0.99, 0.95, ">=", null,
                null, null, null, "blocking", "99.0% valid."));
        Label fail = title(new GateVerdict("schema", "schema_pass_rate", "triage", false, 0.80, 0.95, ">=", null,
                null, null, null, "blocking", "80.0% valid."));

        assertThat(pass.getText()).startsWith("pass  schema");
        assertThat(((FontIcon) pass.getGraphic()).getIconLiteral()).isEqualTo("fth-check-circle");
        assertThat(pass.getStyleClass()).contains(Styles.SUCCESS);
        assertThat(fail.getText()).startsWith("FAIL  schema");
        assertThat(((FontIcon) fail.getGraphic()).getIconLiteral()).isEqualTo("fth-x-circle");
        assertThat(fail.getStyleClass()).contains(Styles.DANGER);
    }

    private Label title(GateVerdict verdict) {
        AtomicReference<GateDetail> detail = new AtomicReference<>();
        robot.interact(() -> detail.set(new GateDetail(new GateRow(verdict, GateCases.Behind.NONE))));
        return (Label) detail.get().lookup("#gate-detail-title");
    }
}
