package dev.evalbench.app.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.app.detail.VariablesText;
import dev.evalbench.app.results.CapturedVars;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.service.ReviewService;

/**
 * The input a comparison shows for an imported traffic request: Evalbench did not send it, so it records no
 * messages, and what the model read is known by the variables its capture holds ({@link CapturedVars}), shown as
 * YAML under {@link #HEADING}. Each side's capture is read once, by the first task that needs it. Thread-safe.
 */
final class CapturedInputs {
    /** Heads a captured request's variables where a case shows the prompt it was sent. */
    static final String HEADING = "Variables captured with this request (it was imported, not sent by Evalbench):\n";

    private final CapturedVars before;
    private final CapturedVars after;

    CapturedInputs(ReviewService.Side before, ReviewService.Side after) {
        this.before = new CapturedVars(before::store, before.runId());
        this.after = new CapturedVars(after::store, after.runId());
    }

    /**
     * The input of the case whose records (as stored, either may be null) are {@code first} and {@code second},
     * masked; null when the record shown (the second, else the first) was sent by Evalbench, as a shadow run's
     * replay of a captured request is: its last user message is its input. Task bodies only.
     */
    String of(CaseRecord first, CaseRecord second, ComparisonMask mask) throws Exception {
        CaseRecord shown = second != null ? second : first;
        if (shown == null || shown.messages().stream().anyMatch(m -> "user".equals(m.role()))) return null;
        JsonNode vars = second == null ? null : after.of(second);
        CaseRecord from = second;
        if (vars == null && first != null) {
            vars = before.of(first);
            from = first;
        }
        return vars == null ? null : HEADING + VariablesText.of(mask.vars(from.key().caseId(), vars));
    }
}
