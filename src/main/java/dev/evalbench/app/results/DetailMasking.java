package dev.evalbench.app.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.service.OutboundMasks;
import dev.evalbench.core.workspace.Workspace;
import java.util.List;
import java.util.Map;

/**
 * What the detail pane of one results tab shows for a case, made off the FX thread: the case masked as
 * outputs are (restricted values and patterns of the workspace the run was gated with, else the open one),
 * and its input variables from that workspace's dataset (else the open one's; an imported request's from its
 * capture), as read and masked alike. The
 * mask and the dataset lookup are built once per workspace, not on every selection. Thread-safe.
 */
final class DetailMasking {
    /** A case ready for the detail pane: as stored and masked, with its input variables as read and masked. */
    record Prepared(CaseRecord raw, CaseRecord masked, JsonNode vars, JsonNode maskedVars) {}

    private final DatasetLookup openDataset;
    private final CapturedVars captured;
    private final Workspace open;
    private Workspace builtFor;
    private OutboundMask mask;
    private DatasetLookup dataset;

    /**
     * @param open     the workspace open when the tab was opened (may be null), and its dataset lookup
     * @param captured where an imported request's variables are read instead of a dataset
     */
    DetailMasking(Workspace open, DatasetLookup openDataset, CapturedVars captured) {
        this.open = open;
        this.openDataset = openDataset;
        this.captured = captured;
    }

    /**
     * @param gated the workspace the run was gated with, or null before gating finished (the open one is used)
     */
    Prepared prepare(CaseRecord record, Workspace gated) throws Exception {
        Workspace source = gated != null ? gated : open;
        OutboundMask m;
        DatasetLookup d;
        synchronized (this) {
            if (mask == null || source != builtFor) {
                // Keys never reach the history, so the mask needs only the case's restricted values and patterns.
                mask = OutboundMasks.of(source == null ? List.of() : List.of(source), Map.of());
                dataset = gated != null ? new DatasetLookup(gated) : DatasetLookup.EMPTY;
                builtFor = source;
            }
            m = mask;
            d = dataset;
        }
        JsonNode vars = captured.of(record);
        if (vars == null) vars = d.vars(record.key());
        if (vars == null) vars = openDataset.vars(record.key());
        return new Prepared(record, m.record(record), vars, m.json(record.key().caseId(), vars));
    }
}
