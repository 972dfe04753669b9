package dev.evalbench.core.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapper for stored records and machine output: snake_case keys, ISO-8601 instants.
 * Thread-safe once built; never reconfigure it.
 *
 * <p>Properties are read and written through Jackson's own (reflective) accessors. Jackson's Blackbird module,
 * which makes method-handle accessors instead, saved a run a tenth of its CPU when every stored case went through
 * this mapper (docs/performance.md, round 10); since the history keeps compact summaries and packed texts it saves
 * nothing at any size, and making its accessors cost a short command 40-70 ms (round 33). Same JSON either way.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            // Registered after Jackson's own: the same text, written without DateTimeFormatter (IsoInstants).
            .addModule(new SimpleModule("iso-instants").addSerializer(java.time.Instant.class, new IsoInstants.Writer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {}

    /**
     * How JSON a person reads or edits is indented: two spaces, one member a line, {@code "key": value} as people
     * and jq write it (Jackson's default says {@code "key" : value}). Hand it to a writer or a mapper's builder; Jackson
     * makes an instance of its own for each use, so sharing it is safe.
     */
    public static com.fasterxml.jackson.core.util.DefaultPrettyPrinter prettyPrinter() {
        return new com.fasterxml.jackson.core.util.DefaultPrettyPrinter(com.fasterxml.jackson.core.util.Separators
                .createDefaultInstance().withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
    }

    /** {@code node} indented for a person to read ({@link #prettyPrinter}). */
    public static String pretty(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return MAPPER.writer(prettyPrinter()).writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }
}
