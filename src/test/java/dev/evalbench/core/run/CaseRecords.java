package dev.evalbench.core.run;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.VersionTuple;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.record.CaseEvaluation;
import dev.evalbench.core.json.Digests;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.FallbackTaken;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plausible {@link CaseRecord}s for tests: a support-triage case answered by a model, with its rendered
 * messages, raw and parsed output, decision, evaluation, attempts and full version tuple.
 *
 * <p>{@code sample(...)} covers the common case; {@link #builder} changes the key, the route or turns the
 * record into a provider failure (no raw output, {@code parsed} null, a timed-out attempt and a fallback).
 * Instants carry nanoseconds on purpose, so a store that truncates them fails equality.
 */
public final class CaseRecords {
    /** The instant every sample record starts at (plus its latency for the finish). */
    public static final Instant BASE = Instant.parse("2026-03-07T10:15:30.123456789Z");

    private CaseRecords() {}

    public static CaseRecord sample(String runId, String suite, String caseId, boolean passed, long latencyMs) {
        return builder(runId, suite, caseId).passed(passed).latencyMs(latencyMs).build();
    }

    public static Builder builder(String runId, String suite, String caseId) {
        return new Builder(runId, suite, caseId);
    }

    /** Mutable, single-threaded; {@link #build()} may be called more than once. */
    public static final class Builder {
        private final String runId;
        private final String suite;
        private final String caseId;
        private String promptId = "triage";
        private String route = "offline";
        private int sample;
        private boolean passed = true;
        private long latencyMs = 420;
        private FailureKind failure;

        private Builder(String runId, String suite, String caseId) {
            this.runId = runId;
            this.suite = suite;
            this.caseId = caseId;
        }

        public Builder promptId(String promptId) { this.promptId = promptId; return this; }

        public Builder route(String route) { this.route = route; return this; }

        public Builder sample(int sample) { this.sample = sample; return this; }

        public Builder passed(boolean passed) { this.passed = passed; return this; }

        public Builder latencyMs(long latencyMs) { this.latencyMs = latencyMs; return this; }

        /** The provider gave no usable answer; the case fails and a fallback route was tried in vain. */
        public Builder failure(FailureKind kind) { this.failure = kind; this.passed = false; return this; }

        public CaseRecord build() {
            String category = passed ? "billing" : "shipping";
            String raw = failure == null
                    ? "{\"category\":\"" + category + "\",\"priority\":\"high\",\"action\":\"refund\","
                            + "\"order_id\":\"ORD-10421\",\"reply\":\"Sorry about the double charge, Ana.\"}"
                    : null;
            JsonNode parsed = raw == null ? null : readTree(raw);
            ObjectNode expected = Json.MAPPER.createObjectNode()
                    .put("category", "billing").put("priority", "high")
                    .put("action", "refund").put("order_id", "ORD-10421");
            Map<String, Boolean> checks = new LinkedHashMap<>();
            checks.put("schema", failure == null);
            checks.put("category", passed);
            checks.put("order_id", failure == null);
            checks.put("action", failure == null);
            List<String> failures = passed ? List.of()
                    : List.of(failure == null ? "category: expected billing, got shipping" : "no output: " + failure);
            Decision decision = failure == null
                    ? new Decision(true, "refund", "refund", null, null)
                    : new Decision(false, null, "escalate", "no_output", "the provider gave no answer");
            int tokensIn = 380 + caseId.length();
            int tokensOut = failure == null ? 52 : 0;
            Instant started = BASE.plusNanos(sample * 1_000L);
            return new CaseRecord(runId, new CaseKey(suite, caseId, promptId, route, sample),
                    Digests.sha256(runId + caseId + sample).substring(0, 32),
                    List.of(new Message("system", "You are the triage assistant of Northwind Goods."),
                            new Message("user", "Ticket from Ana:\nI was charged twice for ORD-10421.")),
                    raw,
                    failure == null ? null : failure.name(),
                    failure == null ? null : "openai: timed out after 30000 ms",
                    parsed,
                    failure == null,
                    failure == null ? List.of() : List.of("no output to validate"),
                    decision,
                    new CaseEvaluation(passed, checks, failures),
                    expected,
                    false,
                    failure == null ? route : "offline",
                    failure == null ? "scripted" : "openai",
                    failure == null ? "triage-rules-v1" : "gpt-4o-mini",
                    failure == null ? "req-" + caseId : null,
                    latencyMs, tokensIn, tokensOut,
                    tokensIn * 0.15e-6 + tokensOut * 0.60e-6,
                    attempts(latencyMs),
                    failure == null ? List.of() : List.of(new FallbackTaken(route, "offline", failure.name())),
                    false,
                    versions(),
                    started,
                    started.plusMillis(latencyMs),
                    List.of());
        }

        private List<Attempt> attempts(long latencyMs) {
            if (failure == null) {
                return List.of(new Attempt(route, 1, "ok", 200, latencyMs, null));
            }
            return List.of(new Attempt(route, 1, failure.name(), null, latencyMs, "timed out after 30000 ms"),
                    new Attempt("offline", 2, "CIRCUIT_OPEN", 503, 1, "breaker open"));
        }

        private VersionTuple versions() {
            return new VersionTuple(promptId, 3, Digests.sha256("prompt " + promptId),
                    Digests.sha256("schema"), Digests.sha256("trim,collapse_whitespace"),
                    2, Digests.sha256("policy"), "2026.11.1", Digests.sha256("dataset " + suite),
                    route, "scripted", "triage-rules-v1", Digests.sha256("route " + route), "0.1.0", "3f2c9a1e5b7d4c6a8e0f1a2b3c4d5e6f7a8b9c0d");
        }
    }

    private static JsonNode readTree(String raw) {
        try {
            return Json.MAPPER.readTree(raw);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("fixture output must be JSON: " + raw, e);
        }
    }
}
