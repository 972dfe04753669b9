package dev.evalbench.core.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * The one JSON mapper for stored records and machine output: snake_case keys, ISO-8601 instants.
 * Thread-safe once built; never reconfigure it.
 *
 * <p>Jackson's Blackbird module reads and writes properties through method handles instead of reflection: every
 * stored case is written and read through this mapper, and under the quick compiler the commands run on,
 * reflection's accessors cost about a tenth of a run's CPU (docs/performance.md, round 10). Same JSON either way.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            // Registered after Jackson's own: the same text, written without DateTimeFormatter (IsoInstants).
            .addModule(new SimpleModule("iso-instants").addSerializer(java.time.Instant.class, new IsoInstants.Writer()))
            .addModule(new BlackbirdModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {}
}
