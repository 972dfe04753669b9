package dev.evalbench.core.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.traffic.TrafficJsonl;
import dev.evalbench.core.traffic.TrafficRequest;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.JsonSyntaxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads OTLP JSON Lines (each line one {@code ExportTraceServiceRequest}, the OpenTelemetry file exporter's
 * format) into captured requests: every span with a {@code gen_ai.operation.name} or {@code gen_ai.request.model}
 * is one logical call; other spans (the HTTP server span around it, say) are skipped and counted. A span's
 * attributes are turned into the JSON Lines shape and checked by {@link TrafficJsonl}, so both formats accept
 * and refuse the same things. Problems are kept with the file and line; stateless.
 */
public final class OtlpJsonReader {
    private static final ObjectReader STRICT = Json.MAPPER.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The requests of one line and how many spans on it were not GenAI calls. */
    public record Line(List<TrafficRequest> requests, int skippedSpans) {}

    private OtlpJsonReader() {}

    /** True when a line looks like OTLP JSON (it has {@code resourceSpans}) rather than one captured request. */
    public static boolean looksLikeOtlp(String firstLine) {
        return firstLine.contains("\"resourceSpans\"");
    }

    public static Line line(String file, int lineNo, String text, List<InputError> errors) {
        JsonNode root;
        try {
            root = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
            errors.add(new InputError(file, lineNo, column, "not OTLP JSON: " + JsonSyntaxMessage.describe(e)));
            return new Line(List.of(), 0);
        }
        if (root == null || !root.path("resourceSpans").isArray()) {
            errors.add(new InputError(file, lineNo, 1, "expected an OTLP ExportTraceServiceRequest ({\"resourceSpans\": [...]}) per line"));
            return new Line(List.of(), 0);
        }
        List<TrafficRequest> out = new ArrayList<>();
        int skipped = 0;
        for (JsonNode resource : root.get("resourceSpans")) {
            for (JsonNode scope : resource.path("scopeSpans")) {
                for (JsonNode span : scope.path("spans")) {
                    ObjectNode attributes = OtlpValues.attributes(span.path("attributes"));
                    if (!attributes.has(GenAiAttributes.OPERATION) && !attributes.has(GenAiAttributes.REQUEST_MODEL)) {
                        skipped++;
                        continue;
                    }
                    TrafficRequest r = TrafficJsonl.object(file, lineNo, request(span, attributes), errors);
                    if (r != null) out.add(r);
                }
            }
        }
        return new Line(out, skipped);
    }

    /** The span in the JSON Lines shape. */
    private static ObjectNode request(JsonNode span, ObjectNode a) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        copy(a, GenAiAttributes.REQUEST_ID, o, "id");
        if (!o.has("id") && span.path("spanId").isTextual()) o.put("id", span.get("spanId").asText());
        long start = OtlpValues.nanos(span.path("startTimeUnixNano"));
        long end = OtlpValues.nanos(span.path("endTimeUnixNano"));
        if (start > 0) o.put("timestamp", Instant.ofEpochSecond(0, start).toString());
        if (span.has("traceId")) o.set("trace_id", span.get("traceId"));
        copy(a, GenAiAttributes.ROUTE, o, "route");
        copy(a, GenAiAttributes.ROUTE_USED, o, "route_used");
        copy(a, a.has(GenAiAttributes.PROVIDER) ? GenAiAttributes.PROVIDER : GenAiAttributes.SYSTEM, o, "provider");
        copy(a, a.has(GenAiAttributes.RESPONSE_MODEL) ? GenAiAttributes.RESPONSE_MODEL : GenAiAttributes.REQUEST_MODEL, o, "model");
        copy(a, GenAiAttributes.PROMPT_ID, o, "prompt_id");
        copy(a, GenAiAttributes.PROMPT_REVISION, o, "prompt_version");
        copy(a, GenAiAttributes.PROMPT_HASH, o, "prompt_hash");
        copy(a, GenAiAttributes.POLICY_REVISION, o, "policy_version");
        copy(a, GenAiAttributes.POLICY_HASH, o, "policy_hash");
        JsonNode vars = OtlpValues.json(a.path(GenAiAttributes.VARS));
        if (vars != null) o.set("vars", vars);
        ArrayNode messages = GenAiMessages.inputs(a.path(GenAiAttributes.SYSTEM_INSTRUCTIONS), a.path(GenAiAttributes.INPUT_MESSAGES));
        if (!messages.isEmpty()) o.set("messages", messages);
        String output = GenAiMessages.outputText(a.path(GenAiAttributes.OUTPUT_MESSAGES));
        if (output != null) o.put("output", output);
        if (a.has(GenAiAttributes.LATENCY_MS)) o.set("latency_ms", a.get(GenAiAttributes.LATENCY_MS));
        else if (start > 0 && end >= start) o.put("latency_ms", (end - start) / 1_000_000);
        copy(a, GenAiAttributes.INPUT_TOKENS, o, "tokens_in");
        copy(a, GenAiAttributes.OUTPUT_TOKENS, o, "tokens_out");
        copy(a, GenAiAttributes.COST_USD, o, "cost_usd");
        copy(a, GenAiAttributes.VALIDATION, o, "validation");
        copy(a, GenAiAttributes.VALIDATION_ERRORS, o, "validation_errors");
        copy(a, GenAiAttributes.ERROR_TYPE, o, "error");
        copy(a, GenAiAttributes.FAILURE_MESSAGE, o, "error_message");
        if (a.has(GenAiAttributes.DECISION_ACTION)) {
            ObjectNode d = o.putObject("decision");
            copy(a, GenAiAttributes.DECISION_ACTION, d, "action");
            copy(a, GenAiAttributes.DECISION_ACCEPTED, d, "accepted");
            copy(a, GenAiAttributes.DECISION_PROPOSED, d, "proposed");
            copy(a, GenAiAttributes.DECISION_RULE, d, "rule");
            copy(a, GenAiAttributes.DECISION_REASON, d, "reason");
        }
        ArrayNode attempts = Json.MAPPER.createArrayNode();
        for (JsonNode event : span.path("events")) {
            if (!GenAiAttributes.ATTEMPT_EVENT.equals(event.path("name").asText())) continue;
            ObjectNode e = OtlpValues.attributes(event.path("attributes"));
            ObjectNode at = attempts.addObject();
            copy(e, GenAiAttributes.ATTEMPT_ROUTE, at, "route");
            copy(e, GenAiAttributes.ATTEMPT_NUMBER, at, "number");
            copy(e, GenAiAttributes.ATTEMPT_OUTCOME, at, "outcome");
            copy(e, GenAiAttributes.ATTEMPT_HTTP_STATUS, at, "http_status");
            copy(e, GenAiAttributes.ATTEMPT_LATENCY_MS, at, "latency_ms");
            copy(e, GenAiAttributes.ATTEMPT_MESSAGE, at, "message");
        }
        if (!attempts.isEmpty()) o.set("attempts", attempts);
        else copy(a, GenAiAttributes.RETRIES, o, "retries");
        return o;
    }

    private static void copy(ObjectNode from, String name, ObjectNode to, String as) {
        JsonNode v = from.get(name);
        if (v != null && !v.isNull()) to.set(as, v);
    }
}
