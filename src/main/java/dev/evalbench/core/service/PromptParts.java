package dev.evalbench.core.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.evalbench.core.workspace.PromptTemplate;
import java.io.IOException;

/**
 * The template parts of one prompt file's text, read leniently (no schema check) so an editor can preview a
 * file that does not validate yet, and a history can read old revisions. {@code system} and {@code changelog}
 * may be null; {@code revision} is -1 when missing. Immutable.
 */
public record PromptParts(String id, int revision, String changelog, String system, String body) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * @throws PromptFileException when the text is not YAML, or has no text {@code body}
     */
    public static PromptParts parse(String file, String text) throws PromptFileException {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            YamlValueSpans.of(file, text); // words the syntax error with its line and column
            throw new PromptFileException(file, 0, 0, "not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new PromptFileException(file, 1, 1, "expected a mapping of keys");
        if (!root.path("body").isTextual()) throw new PromptFileException(file, 0, 0, "has no body: the user message template");
        return new PromptParts(text(root, "id"), root.path("revision").canConvertToInt() ? root.path("revision").asInt(-1) : -1,
                text(root, "changelog"), text(root, "system"), root.get("body").asText());
    }

    /**
     * These parts as the renderer takes a template of {@code file}: without what the workspace adds to one (its
     * output schema and the rest), which neither a preview nor a syntax check needs.
     */
    public PromptTemplate template(String file) {
        return new PromptTemplate(id, revision, changelog, file, system, body, null, null, null, null);
    }

    private static String text(JsonNode root, String key) {
        JsonNode value = root.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
