package dev.evalbench.core.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseEvaluation;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.VersionTuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one mapping between a captured request and a stored case record, both ways, so an imported request reads
 * like any other case (gates, compare, reports, the workbench) and a stored case exports as the same request.
 * A traffic case's key is {@code traffic/<id>/<prompt>@<route>#0}; its version tuple carries the captured prompt
 * and policy versions and, as its eval set, the capture file ({@code traffic} and the file's SHA-256). It has no
 * expected values: it passes when the output was schema-valid and the policy accepted it. Stateless.
 */
public final class TrafficRecords {
    /** The suite every imported request is stored under. */
    public static final String SUITE = "traffic";
    public static final String EVAL_SET = "traffic";

    private TrafficRecords() {}

    public static CaseRecord record(String runId, TrafficRequest r, String captureSha256, String appVersion) {
        String promptId = r.promptId() == null ? "-" : r.promptId();
        String route = r.route() == null ? "-" : r.route();
        CaseKey key = new CaseKey(SUITE, r.id(), promptId, route, 0);
        boolean valid = TrafficRequest.VALID.equals(r.validation());
        boolean accepted = r.decision() == null || r.decision().accepted();
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("schema", valid);
        if (r.decision() != null) checks.put("policy", accepted);
        List<String> failures = new ArrayList<>();
        if (r.errorKind() != null) failures.add("no answer: " + r.errorKind());
        else if (!valid) failures.add("output failed its schema" + (r.validationErrors().isEmpty() ? "" : ": " + String.join("; ", r.validationErrors())));
        if (!accepted) failures.add("policy rejected " + r.decision().proposedAction() + " (" + r.decision().rule() + ")");
        CaseEvaluation evaluation = new CaseEvaluation(r.errorKind() == null && valid && accepted, checks, failures);
        VersionTuple versions = new VersionTuple(promptId, r.promptRevision(), r.promptHash(), null, null,
                r.policyRevision(), r.policyHash(), EVAL_SET, captureSha256, route, r.provider(), r.model(), null, appVersion, null);
        Instant finished = r.timestamp() == null ? null : r.timestamp().plusMillis(r.latencyMs());
        return new CaseRecord(runId, key, r.traceId(), r.messages(), r.output(), r.errorKind(), r.errorMessage(),
                parsed(r.output()), valid, r.validationErrors(), r.decision(), evaluation, null, false, r.routeUsed(),
                r.provider(), r.model(), null, r.latencyMs(), r.tokensIn(), r.tokensOut(), r.costUsd(), r.attempts(),
                List.of(), false, versions, r.timestamp(), finished, List.of());
    }

    /** A stored case as a captured request; {@code vars} are those given (a case record does not keep them). */
    public static TrafficRequest request(CaseRecord c, com.fasterxml.jackson.databind.node.ObjectNode vars) {
        VersionTuple v = c.versions();
        String id = SUITE.equals(c.key().suite()) ? c.key().caseId() : c.key().toString();
        String validation = c.rawOutput() == null ? TrafficRequest.NO_OUTPUT
                : c.schemaValid() ? TrafficRequest.VALID : TrafficRequest.INVALID;
        // A call that never reached a model names none: the route and model asked for stand in, as an import reads them.
        String routeUsed = c.routeUsed() != null ? c.routeUsed() : c.key().route();
        String model = c.modelUsed() != null ? c.modelUsed() : v == null ? null : v.model();
        return new TrafficRequest(id, c.startedAt(), c.traceId(), c.key().route(), routeUsed, c.provider(), model,
                c.key().promptId(), v == null ? 0 : v.promptRevision(), v == null ? null : v.promptHash(),
                v == null ? 0 : v.policyRevision(), v == null ? null : v.policyHash(), vars, c.messages(), c.rawOutput(),
                c.latencyMs(), c.tokensIn(), c.tokensOut(), c.costUsd(), c.attempts(), validation,
                c.schemaErrors() == null ? List.of() : c.schemaErrors(), c.decision(), c.failureKind(), c.failureMessage());
    }

    /** The output as JSON when it is JSON; null otherwise (a record's "not JSON"). */
    private static JsonNode parsed(String output) {
        if (output == null) return null;
        try {
            return Json.MAPPER.readTree(output);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
