package dev.evalbench.core.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import dev.evalbench.core.workspace.JsonSchemas;
import dev.evalbench.core.workspace.JsonSyntaxMessage;
import dev.evalbench.core.workspace.SchemaViolation;
import dev.evalbench.core.workspace.SchemaViolations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schema eval of a raw model output. The whole text must be exactly one strict JSON value: no code
 * fences stripped, no leading or trailing text, no comments, single quotes, NaN/Infinity, leading zeros or
 * duplicate keys. Then the value must satisfy the output schema; errors name the JSON pointer of the
 * offending value ({@code /order_id: must be a string or null, found integer 5}). Nothing is repaired and no
 * default is filled in: {@code parsed} is exactly what the model wrote.
 *
 * <p>Thread-safe. Compiled schemas are cached by schema value (bounded), so callers may pass the same schema
 * node for every case at no cost; schema nodes must not be mutated after use.
 */
public final class StrictOutputValidator implements OutputValidator {
    private static final int MAX_CACHED = 256;
    /*
     * Jackson's defaults already refuse comments, single quotes, NaN, leading zeros and unquoted keys; duplicate
     * keys are refused here. Trailing text is checked by hand after the value rather than with
     * FAIL_ON_TRAILING_TOKENS, so the message can say the value was complete and where the extra text starts.
     */
    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Map<JsonNode, Schema> compiled = new ConcurrentHashMap<>();

    @Override
    public Validation validate(String rawOutput, JsonNode outputSchema) {
        JsonNode parsed;
        try {
            parsed = parse(rawOutput);
        } catch (NotOneJsonValue e) {
            return new Validation(null, false, List.of(e.getMessage()));
        }
        Schema schema;
        try {
            schema = schema(outputSchema);
        } catch (SchemaException e) {
            return new Validation(parsed, false, List.of("the output schema cannot be used: " + e.getMessage()));
        }
        List<String> errors = SchemaViolations.of(schema.validate(parsed), outputSchema).stream()
                .map(SchemaViolation::withPointer)
                .toList();
        return new Validation(parsed, errors.isEmpty(), errors);
    }

    private static JsonNode parse(String raw) throws NotOneJsonValue {
        if (raw == null || raw.isBlank()) throw new NotOneJsonValue("the output is empty (expected one JSON value)");
        try (JsonParser p = STRICT.createParser(raw)) {
            JsonNode value;
            try {
                p.nextToken();
                value = STRICT.readTree(p);
            } catch (JsonProcessingException e) {
                throw new NotOneJsonValue("not valid JSON " + at(e.getLocation()) + ": " + JsonSyntaxMessage.describe(e));
            }
            JsonLocation trailing;
            try {
                trailing = p.nextToken() == null ? null : p.currentTokenLocation();
            } catch (JsonProcessingException e) {
                trailing = e.getLocation();
            }
            if (trailing != null) {
                throw new NotOneJsonValue("unexpected text after the JSON value " + at(trailing)
                        + " (the output must be exactly one JSON value)");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("reading a String cannot fail", e);
        }
    }

    private static String at(JsonLocation loc) {
        return loc == null ? "" : "at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private Schema schema(JsonNode outputSchema) {
        Schema cached = compiled.get(outputSchema);
        if (cached != null) return cached;
        Schema schema = JsonSchemas.compile(outputSchema);
        if (compiled.size() >= MAX_CACHED) compiled.clear();
        compiled.put(outputSchema, schema);
        return schema;
    }

    /** The text is not exactly one JSON value; the message says why and where. */
    private static final class NotOneJsonValue extends Exception {
        NotOneJsonValue(String message) {
            super(message, null, false, false);
        }
    }
}
