package dev.evalbench.app.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.record.CaseRecord;
import java.util.function.Supplier;

/**
 * How a comparison masks what it shows before it is shown: both records of a case, and a captured request's
 * variables (an imported request's input). Called in task bodies only; implementations are thread-safe.
 */
public interface ComparisonMask {
    CaseRecord record(CaseRecord record);

    /** A captured request's variables (those of case {@code caseId}); a new tree, {@code vars} unchanged. */
    JsonNode vars(String caseId, JsonNode vars);

    /** As outputs are masked: {@code mask}'s restricted values and patterns ({@code mask} read on first use). */
    static ComparisonMask of(Supplier<OutboundMask> mask) {
        return new ComparisonMask() {
            @Override
            public CaseRecord record(CaseRecord record) {
                return mask.get().record(record);
            }

            @Override
            public JsonNode vars(String caseId, JsonNode vars) {
                return mask.get().json(caseId, vars);
            }
        };
    }
}
