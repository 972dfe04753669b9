package dev.evalbench.core.provider.scripted;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a YAML document starts, by JSON Pointer ("/rules/3/when"), so that errors found in the
 * parsed tree can name a line and column. Immutable once built; thread-safe.
 */
final class YamlLocator {
    private static final YAMLFactory YAML = new YAMLFactory();

    private final Map<String, int[]> starts;

    private YamlLocator(Map<String, int[]> starts) {
        this.starts = starts;
    }

    /** Indexes a document that is already known to parse; an {@link IOException} means it does not. */
    static YamlLocator index(byte[] yaml) throws IOException {
        Map<String, int[]> starts = new HashMap<>();
        Deque<Container> open = new ArrayDeque<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    open.peek().field = parser.currentName();
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    open.pop();
                    continue;
                }
                String pointer = open.isEmpty() ? "" : open.peek().nextChild();
                JsonLocation at = parser.currentTokenLocation();
                starts.put(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
                if (token == JsonToken.START_OBJECT) open.push(new Container(pointer, false));
                if (token == JsonToken.START_ARRAY) open.push(new Container(pointer, true));
            }
        }
        return new YamlLocator(starts);
    }

    /** Line and column (1-based) of the value at {@code pointer}, or of its nearest present ancestor; {0, 0} if none. */
    int[] locate(String pointer) {
        String p = pointer;
        while (true) {
            int[] at = starts.get(p);
            if (at != null) return at.clone();
            if (p.isEmpty()) return new int[] {0, 0};
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    private static final class Container {
        final String pointer;
        final boolean array;
        int nextIndex;
        String field;

        Container(String pointer, boolean array) {
            this.pointer = pointer;
            this.array = array;
        }

        String nextChild() {
            return array ? child(pointer, nextIndex++) : child(pointer, field);
        }
    }
}
