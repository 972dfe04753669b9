package dev.evalbench.core.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a case's output as the comparison diffs it. An output that parsed as JSON is pretty-printed
 * with object members sorted by name and every member and array element on its own line, so a diff shows
 * which fields changed and a model that merely reorders fields shows no change. Any other output is its raw
 * text; a provider failure is {@code [no output: KIND: message]}. Pure and thread-safe.
 */
public final class OutputText {
    private static final DefaultIndenter NEWLINE_INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter PRETTY = Json.MAPPER.writer(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(NEWLINE_INDENT)
            .withArrayIndenter(NEWLINE_INDENT));

    private OutputText() {}

    public static String of(CaseRecord record) {
        if (record.rawOutput() == null) {
            String kind = record.failureKind() == null ? "none" : record.failureKind();
            return "[no output: " + kind + (record.failureMessage() == null ? "" : ": " + record.failureMessage()) + "]";
        }
        if (record.parsed() != null && (record.parsed().isObject() || record.parsed().isArray())) {
            return prettyJson(record.parsed());
        }
        return record.rawOutput();
    }

    /** Pretty-printed JSON with sorted members, one member or element per line. */
    public static String prettyJson(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = Json.MAPPER.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) copy.set(name, sorted(node.get(name)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
