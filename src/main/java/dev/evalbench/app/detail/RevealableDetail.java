package dev.evalbench.app.detail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.record.CaseRecord;
import javafx.scene.layout.BorderPane;

/**
 * A case's detail with its restricted values masked, as everything that leaves the machine shows them (the
 * record and its input variables from the dataset), and a button that reveals both as the history and the
 * dataset keep them (the evidence) and masks them again. A case with
 * nothing to mask shows its detail alone. One pane can show case after case ({@link #show}): its nodes are
 * built once. FX thread only.
 */
public final class RevealableDetail extends BorderPane {
    private final CaseDetailView view = new CaseDetailView();
    private final RevealBar bar = new RevealBar("reveal-restricted", "the history", this::reveal);
    private CaseRecord raw;
    private CaseRecord masked;
    private JsonNode vars;
    private JsonNode maskedVars;

    /** An empty pane; {@link #show} fills it. */
    public RevealableDetail() {
        setId("revealable-detail");
        setCenter(view);
    }

    /** Masks {@code raw} here, on the FX thread; for a pane that shows one small case. */
    public RevealableDetail(CaseRecord raw, OutboundMask mask, JsonNode vars) {
        this();
        show(raw, mask.record(raw), vars, mask.json(raw.key() == null ? null : raw.key().caseId(), vars));
    }

    /**
     * Shows a case masked, with the reveal button when masking changed something.
     *
     * @param raw        the case as the history keeps it
     * @param masked     {@code raw} through the outbound mask (made off the FX thread by the caller)
     * @param vars       the case's input variables from its dataset, or null when the dataset is not at hand
     * @param maskedVars {@code vars} through the same mask
     */
    public void show(CaseRecord raw, CaseRecord masked, JsonNode vars, JsonNode maskedVars) {
        this.raw = raw;
        this.masked = masked;
        this.vars = vars;
        this.maskedVars = maskedVars;
        // The bar leaves the tree when there is nothing to reveal: no button to find, none to press.
        setTop(masked.equals(raw) && java.util.Objects.equals(maskedVars, vars) ? null : bar);
        bar.reveal(false);
    }

    private void reveal(boolean revealed) {
        view.show(revealed ? raw : masked, revealed ? vars : maskedVars);
    }
}
