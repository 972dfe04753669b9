package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Digests;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads every template in prompts/ (*.yaml, *.yml) and the output schema each names. Ids must be unique;
 * an output schema must itself be a valid JSON Schema. Each schema file is parsed once however many
 * templates share it.
 */
final class PromptReader {
    static final String DIR = "prompts";

    private final LoadContext ctx;
    private final Map<String, Optional<JsonNode>> schemasByPath = new HashMap<>();
    private final Map<String, LocatedTree> schemaTrees = new HashMap<>();
    private final Set<String> declaredIds = new HashSet<>();

    /**
     * The usable templates by id, in file order, and every id some template file declares, usable or not, so
     * that a suite naming a broken template is not also reported as naming an unknown one; and each usable output
     * schema as parsed, by path, so later checks can say where in it a problem is.
     */
    record Prompts(Map<String, PromptTemplate> byId, Set<String> declaredIds, Map<String, LocatedTree> schemaTrees) {}

    private PromptReader(LoadContext ctx) {
        this.ctx = ctx;
    }

    /** Templates with errors are left out of {@code byId} (errors recorded). */
    static Prompts readAll(LoadContext ctx) {
        List<String> paths;
        try {
            paths = ctx.files().list(DIR);
        } catch (IOException e) {
            ctx.add(new InputError(DIR, 0, 0, "cannot be listed: " + e.getMessage()));
            return new Prompts(Map.of(), Set.of(), Map.of());
        }
        PromptReader reader = new PromptReader(ctx);
        Map<String, PromptTemplate> byId = new LinkedHashMap<>();
        for (String path : paths) {
            if (!path.endsWith(".yaml") && !path.endsWith(".yml")) continue;
            reader.read(path, byId);
        }
        return new Prompts(byId, reader.declaredIds, reader.schemaTrees);
    }

    private void read(String path, Map<String, PromptTemplate> byId) {
        byte[] bytes = ctx.readRequired(path);
        if (bytes == null) return;
        LocatedTree tree = ctx.parseYaml(path, bytes);
        if (tree == null) {
            // Its syntax error is recorded; the suites that name it by its file's name (prompts/triage.yaml for
            // "triage", as prompts are named) are not also told the prompt does not exist.
            String name = path.substring(path.lastIndexOf('/') + 1);
            declaredIds.add(name.substring(0, name.lastIndexOf('.')));
            return;
        }
        JsonNode declared = tree.root().path("id");
        if (declared.isTextual()) declaredIds.add(declared.asText());
        if (!ctx.conforms(tree, WorkspaceSchemas.PROMPT)) return;
        JsonNode root = tree.root();
        String id = Trees.text(root, "id");
        PromptTemplate previous = byId.get(id);
        if (previous != null) {
            ctx.add(tree.errorAt("/id", "duplicate prompt id \"" + id + "\" (also in " + previous.file() + ")"));
            return;
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8); // parseYaml checked it is UTF-8
        boolean refused = false;
        // A stored run's prompt, byte for byte the one its run checked, is only read (diffs, masks): the tag
        // check's Pebble lexer is left unloaded, as the renderer is.
        for (String part : ctx.checkedByItsRun() ? List.<String>of() : List.of("/system", "/body")) {
            Optional<InputError> problem = TemplateTagCheck.check(tree, text, part, Trees.text(root, part.substring(1)));
            if (problem.isPresent()) {
                ctx.add(problem.get());
                refused = true;
            }
        }
        if (refused) return;
        String schemaPath = WorkspacePaths.normalize(Trees.text(root, "output_schema"));
        Optional<JsonNode> schema = schemasByPath.computeIfAbsent(schemaPath, p -> outputSchema(p, tree));
        if (schema.isEmpty()) return;
        byId.put(id, new PromptTemplate(id, root.get("revision").asInt(), Trees.text(root, "changelog"), path,
                Trees.text(root, "system"), Trees.text(root, "body"), Digests.sha256(bytes),
                schemaPath, schema.get(), ctx.digests().get(schemaPath)));
    }

    private Optional<JsonNode> outputSchema(String path, LocatedTree referrer) {
        byte[] bytes = ctx.readReferenced(path, referrer, "/output_schema", "output schema");
        if (bytes == null) return Optional.empty();
        String text = ctx.decodeUtf8(path, bytes);
        if (text == null) return Optional.empty();
        LocatedTree tree;
        try {
            tree = LocatedTreeParser.parseJson(path, text, 1);
        } catch (SourceSyntaxException e) {
            InputError error = e.error();
            ctx.add(new InputError(error.file(), error.line(), error.column(), "not valid JSON: " + error.message()));
            return Optional.empty();
        }
        List<SchemaViolation> problems = ctx.checkedByItsRun() ? List.of() : JsonSchemas.problemsOf(tree.root());
        if (!problems.isEmpty()) {
            ctx.addViolations(tree, problems.stream().map(PromptReader::asSchemaProblem).toList());
            return Optional.empty();
        }
        schemaTrees.put(path, tree);
        return Optional.of(tree.root());
    }

    private static SchemaViolation asSchemaProblem(SchemaViolation v) {
        return new SchemaViolation(v.pointer(), v.key(), v.head(), v.tail() + " (this file must be a valid JSON Schema)");
    }
}
