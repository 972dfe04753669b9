package dev.evalbench.core.decide;

import dev.evalbench.core.record.Decision;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.workspace.EvalCase;

/**
 * Deterministic policy over a parsed, schema-valid output. Pure and thread-safe. When the output is missing
 * (provider failure or schema failure) {@code parsed} is null and the decision is a rejection with rule
 * "no_valid_output" and the fallback action.
 */
public interface Decider {
    Decision decide(JsonNode parsed, EvalCase evalCase);
}
