package dev.evalbench.core.eval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Strict parsing: the whole text must be one JSON value (no code fences stripped, no trailing text, no
 * defaults filled in), valid against the schema. Thread-safe; compiled schemas are cached.
 */
public interface OutputValidator {
    Validation validate(String rawOutput, JsonNode outputSchema);
}
