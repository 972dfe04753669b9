package dev.evalbench.core.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.evalbench.core.text.Utf8Files;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a new case of a dataset starts from: the shape of the file's first case, with the next free id and every
 * value emptied (a string as {@code ""}, a list as {@code []}, a number as {@code null}); true and false are kept (a
 * probe's {@code blocking}). Nothing is filled in for the author: an expected label left empty, or a judge's grade left
 * null, is refused when saved, so a case is never labelled by default. Blocking file IO. Stateless.
 */
public final class NewCaseText {
    /** Numbers kept as written ({@code 0.10}), each case written indented to edit: {@link CaseLines}'s. */
    private static final ObjectMapper JSON = CaseLines.JSON;
    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)");

    private NewCaseText() {}

    /** Indented JSON for a new case of {@code file}: {@code {"id": "case-1", "vars": {}}} when it has no case yet. */
    public static String of(Path workspace, String file) throws IOException {
        Cases cases = read(workspace, file, 0);
        ObjectNode shape = cases.first() == null ? JSON.createObjectNode().put("id", "").set("vars", JSON.createObjectNode())
                : (ObjectNode) emptied(cases.first());
        shape.put("id", nextId(cases.lastId(), cases.ids()));
        return JSON.writeValueAsString(shape);
    }

    /**
     * Indented JSON for a copy of the case on line {@code line} of {@code file} under the next free id, every other value
     * as it is: a variant of a case, made by changing what differs. The author copies the labels on purpose here.
     *
     * @throws IOException the file cannot be read, or that line is no case
     */
    public static String copyOf(Path workspace, String file, int line) throws IOException {
        Cases cases = read(workspace, file, line);
        if (cases.wanted() == null) throw new IOException(file + ": line " + line + " is no case to copy");
        ObjectNode copy = cases.wanted().deepCopy();
        copy.put("id", nextId(cases.lastId(), cases.ids()));
        return JSON.writeValueAsString(copy);
    }

    /** A dataset's first case, the case on the line asked for (null: none, or 0 asked), its ids and the last of them. */
    private record Cases(ObjectNode first, ObjectNode wanted, Set<String> ids, String lastId) {}

    private static Cases read(Path workspace, String file, int wantedLine) throws IOException {
        ObjectNode first = null;
        ObjectNode wanted = null;
        Set<String> ids = new HashSet<>();
        String lastId = null;
        int number = 0;
        for (String line : Utf8Files.read(workspace.resolve(file)).split("\r?\n")) {
            number++;
            if (line.isBlank()) continue;
            JsonNode tree;
            try {
                tree = JSON.readTree(line);
            } catch (IOException notJson) {
                continue;
            }
            if (!(tree instanceof ObjectNode object)) continue;
            if (first == null) first = object;
            if (number == wantedLine) wanted = object;
            if (object.path("id").isTextual()) {
                lastId = object.get("id").asText();
                ids.add(lastId);
            }
        }
        return new Cases(first, wanted, ids, lastId);
    }

    /** The id after {@code last} (t009 after t008), not one of {@code taken}; case-N when ids carry no number. */
    static String nextId(String last, Set<String> taken) {
        Matcher m = last == null ? null : NUMBERED.matcher(last);
        String prefix = m != null && m.matches() ? m.group(1) : "case-";
        int width = m != null && m.matches() ? m.group(2).length() : 1;
        long n = m != null && m.matches() ? Long.parseLong(m.group(2)) + 1 : taken.size() + 1;
        String id;
        do {
            id = prefix + String.format("%0" + width + "d", n++);
        } while (taken.contains(id));
        return id;
    }

    private static JsonNode emptied(JsonNode node) {
        if (node.isTextual()) return TextNode.valueOf("");
        if (node.isNumber()) return NullNode.getInstance();
        if (node.isArray()) return JSON.createArrayNode();
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(field.getKey(), emptied(field.getValue()));
            }
            return copy;
        }
        return node;
    }
}
