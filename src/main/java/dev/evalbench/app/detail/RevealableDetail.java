package dev.evalbench.app.detail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.record.CaseRecord;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * A case's detail with its restricted values masked, as everything that leaves the machine shows them, and a
 * button that reveals the output as the history keeps it (the evidence) and masks it again. A case with
 * nothing to mask shows its detail alone. FX thread only.
 */
public final class RevealableDetail extends BorderPane {
    private final CaseRecord raw;
    private final CaseRecord masked;
    private final JsonNode vars;
    private final Label notice = new Label();
    private final Button toggle = new Button();

    public RevealableDetail(CaseRecord raw, OutboundMask mask, JsonNode vars) {
        this.raw = raw;
        this.masked = mask.record(raw);
        this.vars = vars;
        setId("revealable-detail");
        if (masked.equals(raw)) {
            setCenter(new CaseDetailView(raw, vars));
            return;
        }
        toggle.setId("reveal-restricted");
        notice.setWrapText(true);
        HBox bar = new HBox(8, notice, toggle);
        bar.setStyle("-fx-padding: 6 8 0 8; -fx-alignment: center-left;");
        setTop(bar);
        show(false);
    }

    private void show(boolean revealed) {
        setCenter(new CaseDetailView(revealed ? raw : masked, vars));
        notice.setText(revealed ? "Showing restricted values as the history keeps them."
                : "Restricted values of this case are masked, as in reports and CI outputs.");
        toggle.setText(revealed ? "Mask" : "Reveal");
        toggle.setOnAction(e -> show(!revealed));
    }
}
