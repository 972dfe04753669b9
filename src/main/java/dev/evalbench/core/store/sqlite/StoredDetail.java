package dev.evalbench.core.store.sqlite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.record.FallbackTaken;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON document in a case row's {@code detail}: every part of the record the row's columns do not hold.
 * {@code checks} is null when the case was not evaluated (the evaluation's verdict and failures are columns).
 * Serialized directly (no tree), because this is written for every case of every run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoredDetail(
        List<StoredMessage> messages,
        String rawOutput,
        JsonNode parsed,
        List<String> schemaErrors,
        Decision decision,
        Map<String, Boolean> checks,
        String provider,
        String requestId,
        List<Attempt> attempts,
        List<FallbackTaken> fallbacks,
        @JsonDeserialize(using = Timestamps.DetailInstant.class)
        Instant finishedAt,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int reasoningTokens,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean tokensEstimated) {

    /** A message: its text inline, or (system messages, which repeat across cases) the hash of its stored text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoredMessage(String role, String content, String sha256) {}
}
