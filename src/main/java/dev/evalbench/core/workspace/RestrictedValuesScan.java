package dev.evalbench.core.workspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import java.io.IOException;
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
        // Lines as the loader reads them (DatasetReader): the same ends, byte-order marks and blank lines.
        int start = 0;
        for (int i = 0; start <= bytes.length; i++) {
            int end = DatasetCases.lineEnd(bytes, start);
            String line = DatasetCases.lineText(bytes, start, end, i == 0);
            if (!line.isBlank()) read(dataset, i + 1, line, byId);
            start = end + 1;
        }
        return byId;
    }

    private static void read(String dataset, int lineNo, String line, Map<String, List<String>> byId) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(line)) {
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
}
