package dev.evalbench.core.store;

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
    public static StoredRun read(Path file) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(where(file, e) + ": not a JSON file; expected a run written by `export` or a report.json", e);
        }
        JsonNode run = root == null ? null : root.get("run");
        if (run == null || !run.isObject()) {
            throw new IOException(file + ": expected an evalbench run export (a JSON object with a \"run\" field)");
        }
        try {
            return Json.MAPPER.treeToValue(run, StoredRun.class);
        } catch (IOException e) {
            throw new IOException(file + ": the \"run\" object is not a readable run: " + e.getMessage(), e);
        }
    }

    /** file:line:column of a JSON syntax error (the parser's own wording names its internals, not the input). */
    private static String where(Path file, IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
            return file + ":" + j.getLocation().getLineNr() + ":" + j.getLocation().getColumnNr();
        }
        return file.toString();
    }
}
