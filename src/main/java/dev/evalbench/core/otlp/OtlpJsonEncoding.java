package dev.evalbench.core.otlp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK's spans in the OTLP/JSON encoding (the protobuf {@code ExportTraceServiceRequest} mapped to JSON as
 * the OTLP specification says): lowerCamelCase field names, trace and span ids as lowercase hex (32 and 16
 * digits), enums as integers, and 64-bit integers (times, int attributes) as decimal strings. Spans are grouped
 * by resource and instrumentation scope. Stateless.
 */
public final class OtlpJsonEncoding {
    private OtlpJsonEncoding() {}

    public static ObjectNode request(Collection<SpanData> spans) {
        Map<Resource, Map<String, List<SpanData>>> grouped = new LinkedHashMap<>();
        for (SpanData s : spans) {
            grouped.computeIfAbsent(s.getResource(), r -> new LinkedHashMap<>())
                    .computeIfAbsent(s.getInstrumentationScopeInfo().getName() + "\n"
                            + s.getInstrumentationScopeInfo().getVersion(), k -> new java.util.ArrayList<>()).add(s);
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode resourceSpans = root.putArray("resourceSpans");
        grouped.forEach((resource, scopes) -> {
            ObjectNode rs = resourceSpans.addObject();
            rs.putObject("resource").set("attributes", attributes(resource.getAttributes()));
            ArrayNode scopeSpans = rs.putArray("scopeSpans");
            scopes.forEach((key, list) -> {
                ObjectNode ss = scopeSpans.addObject();
                var scope = list.get(0).getInstrumentationScopeInfo();
                ObjectNode sc = ss.putObject("scope").put("name", scope.getName());
                if (scope.getVersion() != null) sc.put("version", scope.getVersion());
                ArrayNode out = ss.putArray("spans");
                list.forEach(s -> out.add(span(s)));
            });
        });
        return root;
    }

    private static ObjectNode span(SpanData s) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("traceId", s.getTraceId());
        o.put("spanId", s.getSpanId());
        if (s.getParentSpanContext().isValid()) o.put("parentSpanId", s.getParentSpanId());
        o.put("name", s.getName());
        o.put("kind", kind(s.getKind()));
        o.put("startTimeUnixNano", Long.toUnsignedString(s.getStartEpochNanos()));
        o.put("endTimeUnixNano", Long.toUnsignedString(s.getEndEpochNanos()));
        o.set("attributes", attributes(s.getAttributes()));
        ArrayNode events = o.putArray("events");
        for (EventData e : s.getEvents()) {
            ObjectNode ev = events.addObject();
            ev.put("timeUnixNano", Long.toUnsignedString(e.getEpochNanos()));
            ev.put("name", e.getName());
            ev.set("attributes", attributes(e.getAttributes()));
        }
        ObjectNode status = o.putObject("status");
        if (s.getStatus().getStatusCode() != StatusCode.UNSET) status.put("code", s.getStatus().getStatusCode() == StatusCode.OK ? 1 : 2);
        if (!s.getStatus().getDescription().isEmpty()) status.put("message", s.getStatus().getDescription());
        return o;
    }

    /** SPAN_KIND_* numbers of the OTLP protobuf enum. */
    private static int kind(SpanKind kind) {
        return switch (kind) {
            case INTERNAL -> 1;
            case SERVER -> 2;
            case CLIENT -> 3;
            case PRODUCER -> 4;
            case CONSUMER -> 5;
        };
    }

    static ArrayNode attributes(Attributes attributes) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        attributes.forEach((key, value) -> {
            ObjectNode kv = out.addObject();
            kv.put("key", key.getKey());
            kv.set("value", value(key, value));
        });
        return out;
    }

    private static ObjectNode value(AttributeKey<?> key, Object value) {
        ObjectNode v = Json.MAPPER.createObjectNode();
        switch (key.getType()) {
            case STRING -> v.put("stringValue", (String) value);
            case BOOLEAN -> v.put("boolValue", (Boolean) value);
            case LONG -> v.put("intValue", Long.toString((Long) value));
            case DOUBLE -> v.put("doubleValue", (Double) value);
            default -> {
                ArrayNode values = v.putObject("arrayValue").putArray("values");
                for (Object item : (List<?>) value) {
                    ObjectNode iv = values.addObject();
                    if (item instanceof String str) iv.put("stringValue", str);
                    else if (item instanceof Boolean b) iv.put("boolValue", b);
                    else if (item instanceof Long l) iv.put("intValue", Long.toString(l));
                    else if (item instanceof Double d) iv.put("doubleValue", d);
                }
            }
        }
        return v;
    }
}
