package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OTLP/JSON encoding rules a receiver relies on, checked on one {@code ExportTraceServiceRequest}: ids as
 * lowercase hex of the right length (not base64, as protobuf's JSON mapping would give), 64-bit integers as
 * decimal strings, enums as integers, lowerCamelCase field names.
 */
final class OtlpJsonRules {
    private OtlpJsonRules() {}

    static void check(JsonNode request) {
        assertThat(request.get("resourceSpans").isArray()).isTrue();
        for (JsonNode rs : request.get("resourceSpans")) {
            attributes(rs.get("resource").get("attributes"));
            for (JsonNode ss : rs.get("scopeSpans")) {
                assertThat(ss.get("scope").get("name").asText()).isEqualTo("dev.evalbench");
                for (JsonNode span : ss.get("spans")) {
                    assertThat(span.get("traceId").asText()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
                    assertThat(span.get("spanId").asText()).matches("[0-9a-f]{16}").isNotEqualTo("0".repeat(16));
                    assertThat(span.get("kind").isInt()).isTrue();
                    assertThat(span.get("kind").asInt()).isEqualTo(3);
                    assertThat(span.get("startTimeUnixNano").isTextual()).isTrue();
                    assertThat(span.get("startTimeUnixNano").asText()).matches("\\d{19}");
                    assertThat(Long.parseUnsignedLong(span.get("endTimeUnixNano").asText()))
                            .isGreaterThanOrEqualTo(Long.parseUnsignedLong(span.get("startTimeUnixNano").asText()));
                    attributes(span.get("attributes"));
                    for (JsonNode e : span.get("events")) {
                        assertThat(e.get("timeUnixNano").asText()).matches("\\d{19}");
                        attributes(e.get("attributes"));
                    }
                    if (span.get("status").has("code")) assertThat(span.get("status").get("code").isInt()).isTrue();
                    assertThat(span.toString()).doesNotContain("\"trace_id\"").doesNotContain("\"span_id\"");
                }
            }
        }
    }

    private static void attributes(JsonNode list) {
        for (JsonNode kv : list) {
            assertThat(kv.get("key").isTextual()).isTrue();
            JsonNode v = kv.get("value");
            assertThat(v.size()).as(kv.toString()).isEqualTo(1);
            if (v.has("intValue")) {
                assertThat(v.get("intValue").isTextual()).as(kv.toString()).isTrue();
                assertThat(v.get("intValue").asText()).matches("-?\\d+");
            }
            if (v.has("doubleValue")) assertThat(v.get("doubleValue").isNumber()).isTrue();
        }
    }
}
