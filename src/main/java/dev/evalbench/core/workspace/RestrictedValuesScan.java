package dev.evalbench.core.workspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The restricted values of every case of a vouched dataset, read straight from its bytes: each line's top-level
 * {@code id} and {@code restricted}, every other field skipped unread. Masking what leaves the machine needs only
 * these; parsing the whole dataset into cases for them (location-tracked trees, the case's vars and expected
 * values) made {@code gate --json} of a stored 100,000-case run hold 650 MB. Lines of every suite that shares
 * the dataset are read, so the map may name cases the suite does not take: masking more never leaks.
 * Stateless.
 */
final class RestrictedValuesScan {
    private RestrictedValuesScan() {}

    /**
     * @param bytes a dataset a stored run checked (JSONL, UTF-8)
     * @return case id to its restricted values (cases without any are left out), in file order
     * @throws IllegalStateException when a line is not the JSON object it was (the file changed in a way its
     *     run never saw)
     */
    static Map<String, List<String>> of(String dataset, byte[] bytes) {
        Map<String, List<String>> byId = new LinkedHashMap<>();
        int start = bomLength(bytes);
        int lineNo = 0;
        while (start <= bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') end++;
            lineNo++;
            if (!blank(bytes, start, end)) read(dataset, lineNo, bytes, start, end - start, byId);
            start = end + 1;
        }
        return byId;
    }

    private static boolean blank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') return false;
        }
        return true;
    }

    private static void read(String dataset, int lineNo, byte[] bytes, int offset, int length, Map<String, List<String>> byId) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) throw notAnObject(dataset, lineNo, null);
            String id = null;
            List<String> restricted = List.of();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("id".equals(field) && value == JsonToken.VALUE_STRING) {
                    id = parser.getText();
                } else if ("restricted".equals(field)) {
                    JsonNode node = parser.readValueAsTree();
                    restricted = DatasetReader.restrictedValues(node);
                } else {
                    parser.skipChildren();
                }
            }
            if (id != null && !restricted.isEmpty()) byId.put(id, restricted);
        } catch (IOException e) {
            throw notAnObject(dataset, lineNo, e);
        }
    }

    private static IllegalStateException notAnObject(String dataset, int lineNo, IOException cause) {
        return new IllegalStateException("the dataset " + dataset + ", a vouched input of a stored run, no longer reads: line "
                + lineNo + " is not a JSON object" + (cause == null ? "" : ": " + cause.getMessage()), cause);
    }

    /** A UTF-8 byte-order mark at the start is not part of the first line's JSON. */
    private static int bomLength(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    }
}
