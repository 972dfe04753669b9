package dev.evalbench.core.report.sign;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Parses signed JSON strictly: a duplicate member name or trailing content is an error, because two
 * parsers that pick different duplicates would read different things under one signature.
 */
final class StrictJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {}

    /**
     * @throws JsonProcessingException with Jackson's location-bearing message when the bytes are not JSON
     */
    static JsonNode parse(byte[] json) throws JsonProcessingException {
        try {
            return MAPPER.readTree(json); // empty input gives a MissingNode, which callers refuse as "not an object"
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from memory cannot fail with I/O", e);
        }
    }

    /** A short, single-line description of a parse error, without Jackson's source dump. */
    static String describe(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return e.getOriginalMessage() + where;
    }
}
