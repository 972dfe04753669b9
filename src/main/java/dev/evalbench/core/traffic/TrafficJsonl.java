package dev.evalbench.core.traffic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.JsonSyntaxMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads captured requests in the seed's observability shape: JSON Lines, one object per request (the fields are
 * listed in docs/release.md). Every line is checked and every problem is kept with its file and line, so one
 * pass names all bad lines; the caller stores nothing unless there are none. Stateless.
 */
public final class TrafficJsonl {
    private static final ObjectReader STRICT = Json.MAPPER.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final List<String> FAILURE_KINDS = Arrays.stream(FailureKind.values()).map(Enum::name).toList();

    private TrafficJsonl() {}

    /**
     * One line's request, or null with its problems added to {@code errors}.
     *
     * @param file the file's name as messages show it
     */
    public static TrafficRequest line(String file, int lineNo, String text, List<InputError> errors) {
        JsonNode node;
        try {
            node = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
            errors.add(new InputError(file, lineNo, column, "not a JSON object: " + JsonSyntaxMessage.describe(e)));
            return null;
        }
        if (node == null || !node.isObject()) {
            errors.add(new InputError(file, lineNo, 1, "expected one JSON object per line (a captured request)"));
            return null;
        }
        return object(file, lineNo, (ObjectNode) node, errors);
    }

    /**
     * A request from an object in this shape (a line, or a span whose attributes were turned into one), or null
     * with its problems added to {@code errors} at {@code lineNo}.
     */
    public static TrafficRequest object(String file, int lineNo, ObjectNode node, List<InputError> errors) {
        int before = errors.size();
        FieldReader f = new FieldReader(file, lineNo, node, errors);
        String traceId = f.traceId("trace_id");
        String id = f.text("id", false);
        String route = f.text("route", true);
        String routeUsed = f.text("route_used", false);
        ObjectNode vars = vars(f);
        List<Message> messages = messages(f);
        if (vars == null && messages.isEmpty()) f.error("the input is missing: expected \"vars\" (an object) or \"messages\" (an array)");
        String output = f.node("output") == null ? null : f.text("output", false);
        String validation = f.oneOf("validation", TrafficRequest.VALIDATIONS);
        String errorKind = f.text("error", false);
        if (errorKind != null && !FAILURE_KINDS.contains(errorKind)) {
            f.error("\"error\" must be one of " + String.join(", ", FAILURE_KINDS) + ", got \"" + errorKind + "\"");
        }
        if (validation != null && (output == null) != validation.equals(TrafficRequest.NO_OUTPUT)) {
            f.error(output == null ? "\"validation\" is \"" + validation + "\" but there is no \"output\" (use \"no_output\")"
                    : "\"validation\" is \"no_output\" but the line has an \"output\"");
        }
        long latency = f.whole("latency_ms", true, 0);
        TrafficRequest r = new TrafficRequest(id != null ? id : traceId, f.instant("timestamp"), traceId, route,
                routeUsed != null ? routeUsed : route, f.text("provider", false), f.text("model", true),
                f.text("prompt_id", true), f.count("prompt_version", false), f.text("prompt_hash", false),
                f.count("policy_version", false), f.text("policy_hash", false), vars, messages, output, latency,
                f.count("tokens_in", true), f.count("tokens_out", true), f.amount("cost_usd"),
                attempts(f, routeUsed != null ? routeUsed : route, errorKind, latency), validation,
                f.texts("validation_errors"), decision(f), errorKind, f.text("error_message", false));
        return errors.size() == before ? r : null;
    }

    private static ObjectNode vars(FieldReader f) {
        JsonNode v = f.node("vars");
        if (v == null) return null;
        if (!v.isObject()) {
            f.error("\"vars\" must be an object of template variables, got " + v.getNodeType().name().toLowerCase());
            return null;
        }
        return (ObjectNode) v;
    }

    private static List<Message> messages(FieldReader f) {
        JsonNode v = f.node("messages");
        List<Message> out = new ArrayList<>();
        if (v == null) return out;
        if (!v.isArray()) {
            f.error("\"messages\" must be an array of {\"role\", \"content\"} objects");
            return out;
        }
        for (JsonNode m : v) {
            if (!m.path("role").isTextual() || !m.path("content").isTextual()) {
                f.error("each of \"messages\" needs a string \"role\" and a string \"content\", got " + m);
                continue;
            }
            out.add(new Message(m.get("role").asText(), m.get("content").asText()));
        }
        return out;
    }

    /** A string is an accepted final action; an object says what the policy did with the proposed one. */
    private static Decision decision(FieldReader f) {
        JsonNode v = f.node("decision");
        if (v == null) return null;
        if (v.isTextual() && !v.asText().isBlank()) return new Decision(true, v.asText(), v.asText(), null, null);
        if (!v.isObject() || !v.path("action").isTextual()) {
            f.error("\"decision\" must be an action name or an object with \"action\" (and \"accepted\", \"proposed\", \"rule\")");
            return null;
        }
        boolean accepted = !v.has("accepted") || v.get("accepted").asBoolean();
        String action = v.get("action").asText();
        String proposed = v.path("proposed").isTextual() ? v.get("proposed").asText() : accepted ? action : null;
        return new Decision(accepted, proposed, action, v.path("rule").isTextual() ? v.get("rule").asText() : null,
                v.path("reason").isTextual() ? v.get("reason").asText() : null);
    }

    /**
     * The calls made: {@code attempts} as captured, or from {@code retries} alone: that many earlier calls whose
     * outcome the capture did not report ("unreported"), then the last one ("ok" or the error).
     */
    private static List<Attempt> attempts(FieldReader f, String route, String errorKind, long latency) {
        String last = errorKind == null ? "ok" : errorKind;
        JsonNode v = f.node("attempts");
        List<Attempt> out = new ArrayList<>();
        if (v != null) {
            if (!v.isArray() || v.isEmpty()) {
                f.error("\"attempts\" must be a non-empty array of {\"outcome\", \"latency_ms\", \"http_status\"} objects");
                return out;
            }
            int n = 0;
            for (JsonNode a : v) {
                n++;
                out.add(new Attempt(a.path("route").isTextual() ? a.get("route").asText() : route, a.path("number").asInt(n),
                        a.path("outcome").asText(n == v.size() ? last : "unreported"),
                        a.path("http_status").isIntegralNumber() ? a.get("http_status").asInt() : null,
                        a.path("latency_ms").asLong(0), a.path("message").isTextual() ? a.get("message").asText() : null));
            }
            return out;
        }
        long retries = f.whole("retries", false, 0);
        for (int i = 1; i <= retries; i++) out.add(new Attempt(route, i, "unreported", null, 0, null));
        out.add(new Attempt(route, (int) retries + 1, last, null, latency, null));
        return out;
    }
}
