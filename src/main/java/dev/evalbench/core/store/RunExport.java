package dev.evalbench.core.store;

import dev.evalbench.core.mask.OutboundMask;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.evalbench.core.io.IoWords;
import dev.evalbench.core.workspace.JsonSyntaxMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.StoredRun;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A run carried to another machine as one JSON file: {@code {"format": "evalbench-run/1", "run": {...}}}.
 * CI gates a pull request against the export of main's run, so the file carries every per-case verdict the
 * paired tests need. A signed report's {@code report.json} embeds the same {@code run} object and reads back
 * the same way. Writes are atomic (AtomicFiles), so a crash never leaves half a file.
 */
public final class RunExport {
    public static final String FORMAT = "evalbench-run/1";

    private RunExport() {}

    public static ObjectNode toJson(StoredRun run) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("run", Json.MAPPER.valueToTree(run));
        root.put("masking", OutboundMask.notice(run));
        return root;
    }

    public static void write(StoredRun run, Path file) throws IOException {
        AtomicFiles.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(run)));
    }

    /**
     * Reads an export or a report.json that embeds one.
     *
     * @throws IOException when the file cannot be read or holds no run, with a message naming the file
     */
    public static StoredRun read(Path file) throws RunFileException {
        String name = file.toString();
        JsonNode root;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file);
             JsonParser parser = STRICT.createParser(in)) {
            try {
                root = STRICT.readTree(parser);
            } catch (JsonProcessingException e) {
                // Limit violations (nesting, string length) carry no location of their own: the parser's is it.
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                throw new RunFileException(name, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()),
                        "not a run export: " + JsonSyntaxMessage.describe(e));
            }
        } catch (RunFileException e) {
            throw e;
        } catch (IOException e) {
            throw new RunFileException(name, 0, 0, "cannot be read (" + IoWords.of(e) + ")");
        }
        JsonNode run = root == null ? null : root.get("run");
        if (run == null || !run.isObject()) {
            throw new RunFileException(name, 0, 0, "expected an evalbench run export (a JSON object with a \"run\" field)");
        }
        try {
            return Json.MAPPER.treeToValue(run, StoredRun.class);
        } catch (JsonProcessingException e) {
            throw new RunFileException(name, 0, 0, "the \"run\" object is not a readable run: " + JsonSyntaxMessage.describe(e));
        }
    }

    /**
     * Duplicate keys refused; nesting capped far below what could exhaust the stack (a run export nests a
     * dozen levels; a model's parsed output a few more).
     */
    private static final ObjectReader STRICT = Json.MAPPER.reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
}
