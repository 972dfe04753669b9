package dev.evalbench.core.workspace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses YAML or strict JSON into a {@link LocatedTree}, recording where each value and key starts. It builds
 * the tree itself (rather than through databind) so that every pointer gets its location in one pass.
 *
 * <p>YAML is read as data only: explicit tags ({@code !foo}, {@code !!str}) and aliases ({@code *x}) are
 * refused, as are a second document and duplicate keys. The YAML backend (SnakeYAML events via Jackson)
 * never instantiates classes. JSON is strict: no comments, single quotes, NaN or trailing text.
 * Nesting deeper than {@link #MAX_DEPTH} levels is refused as a syntax error at the value that goes too deep.
 * Stateless and thread-safe.
 */
final class LocatedTreeParser {
    /**
     * How deep objects and arrays may nest in a workspace file. This parser recurses twice a level, and at
     * Jackson's default of 1,000 levels a hostile file took most of a 1 MB thread stack: a thread with half that
     * (the JVM's option, or a flight recording's sampling) ended in a StackOverflowError instead of the
     * file's error. 200 levels take about a tenth and are far beyond any dataset, schema or policy.
     */
    static final int MAX_DEPTH = 200;
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build();
    private static final YAMLFactory YAML = YAMLFactory.builder().streamReadConstraints(LIMITS).build();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();
    /** The fast path for dataset lines: Jackson's own tree building, as strict as {@link #JSON} plus checks. */
    private static final ObjectMapper FAST = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String file;
    private final int lineOffset;
    private final Map<String, SourceLocation> values = new HashMap<>();
    private final Map<String, SourceLocation> keys = new HashMap<>();

    private LocatedTreeParser(String file, int lineOffset) {
        this.file = file;
        this.lineOffset = lineOffset;
    }

    static LocatedTree parseYaml(String file, byte[] bytes) throws SourceSyntaxException {
        // Decoded here rather than by the YAML reader, which reports a bad byte a line early and in Java's words.
        String text = Utf8Text.decode(file, bytes);
        LocatedTreeParser builder = new LocatedTreeParser(file, 0);
        try (JsonParser p = YAML.createParser(text)) {
            try {
                return builder.document(p, "the file is empty (expected keys and values)");
            } catch (JsonProcessingException e) {
                // Limit violations (nesting depth) carry no location of their own: the parser's is it.
                throw new SourceSyntaxException(YamlSyntaxMessage.describe(file, e, p.currentLocation(), text));
            }
        } catch (IOException e) {
            throw new SourceSyntaxException(new InputError(file, 0, 0, "cannot be read: " + dev.evalbench.core.io.IoWords.of(e)));
        }
    }

    /**
     * Parses one JSON text; {@code firstLine} is the file line the text starts on (JSONL lines). A syntax
     * error's message is the bare reason (callers say what the text should have been).
     */
    static LocatedTree parseJson(String file, String text, int firstLine) throws SourceSyntaxException {
        LocatedTreeParser builder = new LocatedTreeParser(file, firstLine - 1);
        try (JsonParser p = JSON.createParser(text)) {
            try {
                return builder.document(p, "the text is empty (expected a JSON value)");
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                throw new SourceSyntaxException(builder.error(at, JsonSyntaxMessage.describe(e)));
            }
        } catch (IOException e) {
            throw new SourceSyntaxException(new InputError(file, firstLine, 0, "cannot be read: " + dev.evalbench.core.io.IoWords.of(e)));
        }
    }

    private LocatedTree document(JsonParser p, String emptyMessage) throws IOException, SourceSyntaxException {
        if (p.nextToken() == null) throw new SourceSyntaxException(new InputError(file, lineOffset + 1, 0, emptyMessage));
        JsonNode root = value(p, "");
        if (p.nextToken() != null) {
            String what = p instanceof YAMLParser ? "a second YAML document starts here; a workspace file holds one document"
                    : "unexpected text after the JSON value";
            throw new SourceSyntaxException(error(p.currentTokenLocation(), what));
        }
        return new LocatedTree(file, root, new LocatedTree.Locations(values, keys));
    }

    /**
     * One dataset line. Most lines are fine, so the line is first read without recording locations; they are
     * computed by parsing again only if an error needs them. A line that fails the fast read is parsed the
     * slow way, which reports the syntax error in the usual words.
     */
    static LocatedTree parseJsonLine(String file, String line, int lineNo) throws SourceSyntaxException {
        JsonNode root;
        try {
            root = FAST.readTree(line);
        } catch (JsonProcessingException e) {
            return parseJson(file, line, lineNo);
        }
        return new LocatedTree(file, root, () -> locateAgain(file, line, lineNo));
    }

    private static LocatedTree.Locations locateAgain(String file, String line, int lineNo) {
        try {
            return parseJson(file, line, lineNo).locationsNow();
        } catch (SourceSyntaxException e) {
            throw new IllegalStateException("a line that parsed once failed to parse again: " + e.getMessage(), e);
        }
    }

    private JsonNode value(JsonParser p, String pointer) throws IOException, SourceSyntaxException {
        JsonLocation start = p.currentTokenLocation();
        values.put(pointer, location(start));
        if (p instanceof YAMLParser yaml) refuseYamlExtras(yaml, start);
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT:
                return object(p, pointer);
            case START_ARRAY:
                return array(p, pointer);
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return integer(p);
            case VALUE_NUMBER_FLOAT:
                double d = p.getDoubleValue();
                // YAML spells .inf and .nan; JSON has no such tokens (an overflowing literal is its own matter)
                if (!Double.isFinite(d) && p instanceof YAMLParser) {
                    throw new SourceSyntaxException(error(start, "'" + p.getText() + "' is not a finite number"));
                }
                return NODES.numberNode(d);
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new SourceSyntaxException(error(start, "unsupported value (" + token + ")"));
        }
    }

    private ObjectNode object(JsonParser p, String pointer) throws IOException, SourceSyntaxException {
        ObjectNode node = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String child = JsonPointers.child(pointer, name);
            SourceLocation keyLocation = location(p.currentTokenLocation());
            if (node.has(name)) {
                SourceLocation first = keys.get(child);
                String previous = first.line() == keyLocation.line() ? "first at column " + first.column() : "first on line " + first.line();
                throw new SourceSyntaxException(new InputError(file, keyLocation.line(), keyLocation.column(),
                        "duplicate key \"" + name + "\" (" + previous + ")"));
            }
            keys.put(child, keyLocation);
            p.nextToken();
            node.set(name, value(p, child));
        }
        return node;
    }

    private ArrayNode array(JsonParser p, String pointer) throws IOException, SourceSyntaxException {
        ArrayNode node = NODES.arrayNode();
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            node.add(value(p, JsonPointers.child(pointer, index++)));
        }
        return node;
    }

    private static JsonNode integer(JsonParser p) throws IOException {
        switch (p.getNumberType()) {
            case INT:
                return NODES.numberNode(p.getIntValue());
            case LONG:
                return NODES.numberNode(p.getLongValue());
            default:
                return NODES.numberNode(p.getBigIntegerValue());
        }
    }

    private void refuseYamlExtras(YAMLParser yaml, JsonLocation start) throws IOException, SourceSyntaxException {
        if (yaml.isCurrentAlias()) {
            throw new SourceSyntaxException(error(start, "YAML aliases (*" + yaml.getText() + ") are not supported; write the value out"));
        }
        String tag = yaml.getTypeId();
        if (tag != null) {
            String shown = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : "!" + tag;
            throw new SourceSyntaxException(error(start, "YAML tags (" + shown + ") are not allowed; write plain values"));
        }
    }

    private SourceLocation location(JsonLocation loc) {
        if (loc == null || loc.getLineNr() <= 0) return SourceLocation.UNKNOWN;
        return new SourceLocation(loc.getLineNr() + lineOffset, Math.max(loc.getColumnNr(), 0));
    }

    private InputError error(JsonLocation loc, String message) {
        SourceLocation l = location(loc);
        return new InputError(file, l.line(), l.column(), message);
    }
}
