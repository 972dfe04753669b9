package dev.evalbench.core.store;

import dev.evalbench.core.mask.OutboundMask;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.evalbench.core.io.FileBytes;
import dev.evalbench.core.io.IoWords;
import dev.evalbench.core.workspace.JsonSyntaxMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.json.Digests;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.StoredRun;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A run carried to another machine as one JSON file: {@code {"format": "evalbench-run/1", "run": {...}}}.
 * CI gates a pull request against the export of main's run, so the file carries every per-case verdict the
 * paired tests need. A report's {@code report.json} holds the run's header and events and binds its records
 * by digest in a file next to it ({@code run_cases}); it reads back whole the same way. Writes are atomic (AtomicFiles), so a crash never leaves half a file.
 *
 * <p>An export may also carry {@code templates}: the text of each prompt template file the run used, by its
 * SHA-256, as {@code {"text": ..., "masked": false}} ({@link PromptTemplates}; masked like the records when it
 * holds a restricted value), so a comparison of two exported runs shows the template diff. Files written before
 * it existed (and report.json) have none and read as before; readers that predate it ignore it.
 */
public final class RunExport {
    public static final String FORMAT = "evalbench-run/1";

    private RunExport() {}

    /**
     * A run read from a file, with the template texts it carries by SHA-256 (empty for files without any) and,
     * for a report.json, its {@code gates}, {@code comparison} and {@code baseline_cases} members as written (null
     * for an export, or a report without them), so a reader of the report's gates or baseline need not read the
     * file again.
     */
    public record Exported(StoredRun run, java.util.Map<String, PromptTemplates.Text> templates, JsonNode gates,
                           JsonNode comparison, JsonNode baselineCases) {
        public Exported {
            templates = java.util.Map.copyOf(templates);
        }

        /** A run with no report members (an export, a run of the history). */
        public Exported(StoredRun run, java.util.Map<String, PromptTemplates.Text> templates) {
            this(run, templates, null, null, null);
        }

        /** The same run and report members with other template texts. */
        public Exported withTemplates(java.util.Map<String, PromptTemplates.Text> texts) {
            return new Exported(run, texts, gates, comparison, baselineCases);
        }
    }

    public static ObjectNode toJson(StoredRun run) {
        return toJson(run, java.util.Map.of());
    }

    /** @param templates prompt template texts by SHA-256 ({@link PromptTemplates#of}); none is written when empty */
    public static ObjectNode toJson(StoredRun run, java.util.Map<String, PromptTemplates.Text> templates) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("run", Json.MAPPER.valueToTree(run));
        root.put("masking", OutboundMask.notice(run));
        if (!templates.isEmpty()) {
            ObjectNode texts = root.putObject("templates");
            new java.util.TreeMap<>(templates).forEach((sha, t) -> texts.putObject(sha).put("text", t.text()).put("masked", t.masked()));
        }
        return root;
    }

    public static void write(StoredRun run, Path file) throws IOException {
        write(run, java.util.Map.of(), file);
    }

    public static void write(StoredRun run, java.util.Map<String, PromptTemplates.Text> templates, Path file) throws IOException {
        AtomicFiles.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(run, templates)));
    }

    /**
     * Reads an export or a report.json that embeds one.
     *
     * @throws IOException when the file cannot be read or holds no run, with a message naming the file
     */
    public static StoredRun read(Path file) throws RunFileException {
        return readWithTemplates(file).run();
    }

    /**
     * As {@link #read}, with the prompt template texts the file carries; a text whose bytes do not have the
     * SHA-256 it is listed under is an error naming it (the file was edited).
     */
    public static Exported readWithTemplates(Path file) throws RunFileException {
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
        StoredRun stored;
        try {
            stored = Json.MAPPER.treeToValue(run, StoredRun.class);
        } catch (JsonProcessingException e) {
            throw new RunFileException(name, 0, 0, "the \"run\" object is not a readable run: " + JsonSyntaxMessage.describe(e));
        }
        JsonNode binding = root.get("run_cases");
        StoredRun whole = binding == null || !binding.isObject() ? stored
                : new StoredRun(stored.header(), boundCases(file, "run_cases", binding), stored.events());
        return new Exported(whole, templates(name, root.get("templates")), root.get("gates"), root.get("comparison"),
                root.get("baseline_cases"));
    }

    private static java.util.Map<String, PromptTemplates.Text> templates(String name, JsonNode node) throws RunFileException {
        if (node == null || node.isNull()) return java.util.Map.of();
        if (!node.isObject()) throw new RunFileException(name, 0, 0, "\"templates\" must be an object of template texts by sha256");
        java.util.Map<String, PromptTemplates.Text> texts = new java.util.TreeMap<>();
        for (var field : node.properties()) {
            JsonNode t = field.getValue();
            if (!t.path("text").isTextual() || !t.path("masked").isBoolean()) {
                throw new RunFileException(name, 0, 0, "templates." + field.getKey()
                        + " must be {\"text\": the template's text, \"masked\": true or false}");
            }
            texts.put(field.getKey(), new PromptTemplates.Text(t.get("text").asText(), t.get("masked").asBoolean()));
        }
        var bad = PromptTemplates.mismatch(texts);
        if (bad.isPresent()) {
            throw new RunFileException(name, 0, 0, "templates." + bad.get()
                    + ": the text's sha256 differs from the one it is listed under (the file was edited)");
        }
        return texts;
    }

    /**
     * The baseline a report.json was written against, as its comparison read it (masked, within what the run ran):
     * the header its {@code baseline_cases} member holds ({@code report}, as {@link #readWithTemplates} read it)
     * and the records of the file that member binds. Empty for a report without a baseline, or written before
     * reports kept the baseline's records.
     *
     * @throws RunFileException when the bound file is missing, altered or truncated, or the header unreadable
     */
    public static java.util.Optional<StoredRun> baselineOfReport(Path reportJson, Exported report) throws RunFileException {
        JsonNode binding = report.baselineCases();
        if (binding == null || !binding.isObject()) return java.util.Optional.empty();
        RunHeader header;
        try {
            header = Json.MAPPER.treeToValue(binding.get("header"), RunHeader.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RunFileException(reportJson.toString(), 0, 0, "baseline_cases.header is not a readable run header: "
                    + (e instanceof JsonProcessingException j ? JsonSyntaxMessage.describe(j) : e.getMessage()));
        }
        if (header == null) throw new RunFileException(reportJson.toString(), 0, 0, "baseline_cases has no header");
        return java.util.Optional.of(new StoredRun(header, boundCases(reportJson, "baseline_cases", binding), List.of()));
    }

    /**
     * The records a report.json binds by digest in its member {@code member}: the named file next to it, whose
     * SHA-256 and count must be the bound ones. A missing, altered or truncated file is an error, never a partial run.
     */
    private static List<CaseRecord> boundCases(Path report, String member, JsonNode binding) throws RunFileException {
        String name = binding.path("file").asText("");
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new RunFileException(report.toString(), 0, 0, member + " names no plain file next to it: \"" + name + "\"");
        }
        Path casesFile = report.resolveSibling(name);
        byte[] bytes;
        try {
            bytes = FileBytes.read(casesFile);
        } catch (IOException e) {
            throw new RunFileException(report.toString(), 0, 0, "keeps its case records in " + name
                    + ", which cannot be read next to it (" + IoWords.of(e) + ")");
        }
        String sha256 = Digests.sha256(bytes);
        if (!sha256.equals(binding.path("sha256").asText())) {
            throw new RunFileException(casesFile.toString(), 0, 0, "sha256 " + sha256 + " differs from the one "
                    + report.getFileName() + " binds (" + binding.path("sha256").asText()
                    + "): the records were changed or replaced");
        }
        List<CaseRecord> records = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(bytes)), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                lineNo++;
                if (!line.isEmpty()) records.add(STRICT.forType(CaseRecord.class).readValue(line));
            }
        } catch (JsonProcessingException e) {
            throw new RunFileException(casesFile.toString(), lineNo, 0, "not a case record: " + JsonSyntaxMessage.describe(e));
        } catch (IOException e) {
            throw new RunFileException(casesFile.toString(), 0, 0, "cannot be read (" + IoWords.of(e) + ")");
        }
        if (records.size() != binding.path("count").asInt(-1)) {
            throw new RunFileException(casesFile.toString(), 0, 0, "holds " + records.size() + " records, "
                    + report.getFileName() + " binds " + binding.path("count").asText());
        }
        return List.copyOf(records);
    }

    /**
     * Duplicate keys refused; nesting capped far below what could exhaust the stack (a run export nests a
     * dozen levels; a model's parsed output a few more).
     */
    private static final ObjectReader STRICT = Json.MAPPER.reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
}
