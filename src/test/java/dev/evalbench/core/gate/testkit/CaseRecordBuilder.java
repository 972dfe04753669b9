package dev.evalbench.core.gate.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.record.CaseEvaluation;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.VersionTuple;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Builds stored {@link CaseRecord}s for tests of metrics, gates and CI outputs. Defaults: an answered,
 * schema-valid case on route "offline", accepted with the output's action, evaluated as passed.
 */
public final class CaseRecordBuilder {
    private final String suite;
    private final String caseId;
    private String route = "offline";
    private int sample;
    private String rawOutput = "{}";
    private JsonNode parsed = Json.MAPPER.createObjectNode();
    private boolean schemaValid = true;
    private String failureKind;
    private String failureMessage;
    private Decision decision;
    private CaseEvaluation evaluation = new CaseEvaluation(true, Map.of(), List.of());
    private ObjectNode expected = Json.MAPPER.createObjectNode();
    private boolean blocking = true;
    private long latencyMs = 100;
    private int tokensIn = 100;
    private int tokensOut = 20;
    private double costUsd = 0.001;

    private CaseRecordBuilder(String suite, String caseId) {
        this.suite = suite;
        this.caseId = caseId;
    }

    private boolean tokensEstimated;

    private List<String> tags = List.of();

    public static CaseRecordBuilder of(String suite, String caseId) {
        return new CaseRecordBuilder(suite, caseId);
    }

    /** A schema-valid answer with this JSON text. */
    public CaseRecordBuilder output(String json) {
        this.rawOutput = json;
        this.parsed = parse(json);
        this.schemaValid = true;
        return this;
    }

    /** An answer that is not schema-valid; {@code parsed} kept when the text is JSON. */
    public CaseRecordBuilder invalidOutput(String raw) {
        this.rawOutput = raw;
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            node = null;
        }
        this.parsed = node;
        this.schemaValid = false;
        return this;
    }

    public CaseRecordBuilder providerFailure(String kind, long latencyMs) {
        this.failureKind = kind;
        this.failureMessage = "provider said no";
        this.rawOutput = null;
        this.parsed = null;
        this.schemaValid = false;
        this.latencyMs = latencyMs;
        this.tokensOut = 0;
        this.evaluation = new CaseEvaluation(false, Map.of("schema", false), List.of("The provider gave no answer."));
        return this;
    }

    /** Expected values as alternating name, value pairs; a null value is JSON null. */
    public CaseRecordBuilder expected(Object... nameValues) {
        for (int i = 0; i < nameValues.length; i += 2) {
            expected.set((String) nameValues[i], Json.MAPPER.valueToTree(nameValues[i + 1]));
        }
        return this;
    }

    public CaseRecordBuilder decision(Decision decision) {
        this.decision = decision;
        return this;
    }

    public CaseRecordBuilder accepted(String action) {
        return decision(new Decision(true, action, action, null, null));
    }

    public CaseRecordBuilder rejected(String proposed, String fallback, String rule) {
        return decision(new Decision(false, proposed, fallback, rule, "rejected by " + rule));
    }

    public CaseRecordBuilder passed() {
        this.evaluation = new CaseEvaluation(true, Map.of("schema", true), List.of());
        return this;
    }

    public CaseRecordBuilder failed(String check, String why) {
        this.evaluation = new CaseEvaluation(false, Map.of(check, false), List.of(why));
        return this;
    }

    public CaseRecordBuilder passed(boolean passed) {
        return passed ? passed() : failed("schema", "it failed");
    }

    public CaseRecordBuilder blocking(boolean blocking) {
        this.blocking = blocking;
        return this;
    }

    public CaseRecordBuilder latency(long ms) {
        this.latencyMs = ms;
        return this;
    }

    public CaseRecordBuilder tokens(int in, int out) {
        this.tokensIn = in;
        this.tokensOut = out;
        return this;
    }

    /** The provider reported no usage: tokens (and cost) are estimates. */
    public CaseRecordBuilder estimatedTokens() {
        this.tokensEstimated = true;
        return this;
    }

    public CaseRecordBuilder cost(double usd) {
        this.costUsd = usd;
        return this;
    }

    public CaseRecordBuilder sample(int sample) {
        this.sample = sample;
        return this;
    }

    public CaseRecordBuilder route(String route) {
        this.route = route;
        return this;
    }

    /** The case's dataset tags. */
    public CaseRecordBuilder tags(String... tags) {
        this.tags = List.of(tags);
        return this;
    }

    public CaseRecord build(String runId) {
        Decision d = decision;
        if (d == null) {
            JsonNode action = parsed == null ? null : parsed.get("action");
            d = schemaValid && failureKind == null
                    ? new Decision(true, action == null ? null : action.asText(), action == null ? null : action.asText(), null, null)
                    : new Decision(false, null, "escalate", "no_valid_output", "There is no schema-valid output to act on.");
        }
        Instant t = Instant.parse("2026-03-07T10:00:00Z");
        VersionTuple versions = new VersionTuple("triage", 3, "p", "s", "pre", 2, "pol", "2026.11.1", "ds",
                route, "scripted", "triage-rules-v1", "route-hash", "0.1.0", null);
        return new CaseRecord(runId, new CaseKey(suite, caseId, "triage", route, sample), "trace-" + caseId,
                List.of(), rawOutput, failureKind, failureMessage, parsed, schemaValid,
                schemaValid ? List.of() : List.of("/: not valid"), d, evaluation, expected.deepCopy(), blocking,
                route, "scripted", "triage-rules-v1", null, latencyMs, tokensIn, tokensOut, costUsd,
                List.of(), List.of(), false, versions, t, t.plusMillis(latencyMs), 0, tokensEstimated, tags);
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("test output is not JSON: " + json, e);
        }
    }
}
