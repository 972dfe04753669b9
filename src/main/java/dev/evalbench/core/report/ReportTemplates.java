package dev.evalbench.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.store.PromptTemplates;
import dev.evalbench.core.store.RunFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@value #FILE} in a report folder: the text of each prompt template the report's run used, by SHA-256, masked
 * like the report ({@link PromptTemplates}; the same {@code {"text": ..., "masked": ...}} entries an exported run
 * carries under "templates"), so that opening two report folders, or one against a history run, shows each changed
 * prompt's template diff. Not part of what is signed: an unmasked text proves itself by its SHA-256, which is
 * checked on reading; a masked one is shown as masked. A folder without the file (written before) has no texts.
 * Stateless.
 */
public final class ReportTemplates {
    public static final String FILE = "report-templates.json";

    private ReportTemplates() {}

    /** Writes the texts into {@code dir} (replacing an earlier file, so a folder never keeps another run's). */
    public static void write(Path dir, Map<String, PromptTemplates.Text> templates) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode texts = root.putObject("templates");
        new TreeMap<>(templates).forEach((sha, t) -> texts.putObject(sha).put("text", t.text()).put("masked", t.masked()));
        AtomicFiles.write(dir.resolve(FILE), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    /**
     * The texts of the report folder {@code dir}; empty when it has no {@value #FILE}.
     *
     * @throws RunFileException naming the file when it is not such a file, or an unmasked text was edited
     */
    public static Map<String, PromptTemplates.Text> read(Path dir) throws RunFileException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) return Map.of();
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(file.toFile()).path("templates");
        } catch (IOException e) {
            throw new RunFileException(file.toString(), 0, 0, "not JSON: " + e.getMessage());
        }
        if (!node.isObject()) throw new RunFileException(file.toString(), 0, 0, "expected {\"templates\": {sha256: {\"text\", \"masked\"}}}");
        Map<String, PromptTemplates.Text> texts = new TreeMap<>();
        for (var field : node.properties()) {
            JsonNode t = field.getValue();
            if (!t.path("text").isTextual() || !t.path("masked").isBoolean()) {
                throw new RunFileException(file.toString(), 0, 0, "templates." + field.getKey()
                        + " must be {\"text\": the template's text, \"masked\": true or false}");
            }
            texts.put(field.getKey(), new PromptTemplates.Text(t.get("text").asText(), t.get("masked").asBoolean()));
        }
        var bad = PromptTemplates.mismatch(texts);
        if (bad.isPresent()) {
            throw new RunFileException(file.toString(), 0, 0, "templates." + bad.get()
                    + ": the text does not have this SHA-256 although it is not marked masked (edited after the report was written?)");
        }
        return Map.copyOf(texts);
    }
}
