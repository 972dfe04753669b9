package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads and checks evalbench.yaml; cross-file references (routes, prompts, datasets) are checked later. */
final class ManifestReader {
    private ManifestReader() {}

    /** The manifest, or null when it is missing or does not conform (errors recorded). */
    static Manifest read(LoadContext ctx) {
        byte[] bytes = ctx.readRequired(Manifest.FILE);
        if (bytes == null) return null;
        LocatedTree tree = ctx.parseYaml(Manifest.FILE, bytes);
        if (tree == null || !ctx.conforms(tree, WorkspaceSchemas.MANIFEST)) return null;
        JsonNode root = tree.root();
        List<Manifest.SuiteDecl> suites = new ArrayList<>();
        JsonNode suiteNodes = root.get("suites");
        for (int i = 0; i < suiteNodes.size(); i++) {
            suites.add(suite(JsonPointers.child("/suites", i), suiteNodes.get(i)));
        }
        int before = ctx.errorCount();
        checkSuites(ctx, tree, suites);
        if (ctx.errorCount() > before) return null;
        return new Manifest(tree,
                Trees.text(root, "name"),
                Trees.text(root, "description", ""),
                Trees.text(root, "default_route"),
                WorkspacePaths.normalize(Trees.text(root, "routes", "routes.yaml")),
                WorkspacePaths.normalize(Trees.text(root, "policy", "policy.yaml")),
                WorkspacePaths.normalize(Trees.text(root, "gates", "gates.yaml")),
                Trees.strings(root, "preprocess"),
                List.copyOf(suites),
                new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Manifest.SuiteDecl suite(String pointer, JsonNode node) {
        return new Manifest.SuiteDecl(pointer,
                Trees.text(node, "name"),
                SuiteKind.valueOf(Trees.text(node, "kind").toUpperCase(Locale.ROOT)),
                Trees.text(node, "prompt"),
                WorkspacePaths.normalize(Trees.text(node, "dataset")),
                Trees.text(node, "version"),
                Trees.strings(node, "classification"),
                extractionFields(node.get("extraction")),
                Trees.text(node, "routing"),
                extractionRules(node.get("extraction")),
                checks(node.get("checks")),
                Trees.strings(node, "tags"),
                judges(node.get("judges")));
    }

    /** The extraction fields in order: a name, or the {@code field} of a {field, normalize, tolerance} entry. */
    private static List<String> extractionFields(JsonNode items) {
        List<String> fields = new ArrayList<>();
        if (items != null) items.forEach(i -> fields.add(i.isTextual() ? i.asText() : i.get("field").asText()));
        return List.copyOf(fields);
    }

    private static Map<String, ExtractionRule> extractionRules(JsonNode items) {
        Map<String, ExtractionRule> rules = new HashMap<>();
        if (items == null) return rules;
        for (JsonNode i : items) {
            if (i.isTextual()) continue;
            JsonNode tol = i.path("tolerance");
            rules.putIfAbsent(i.get("field").asText(), new ExtractionRule(i.get("field").asText(),
                    Trees.strings(i, "normalize"), Trees.number(tol, "abs"), Trees.number(tol, "rel")));
        }
        return rules;
    }

    private static List<CheckSpec> checks(JsonNode items) {
        List<CheckSpec> checks = new ArrayList<>();
        if (items != null) items.forEach(i -> checks.add(new CheckSpec(i.get("name").asText(), i.get("expr").asText())));
        return List.copyOf(checks);
    }

    private static List<JudgeSpec> judges(JsonNode items) {
        List<JudgeSpec> judges = new ArrayList<>();
        if (items != null) items.forEach(i -> judges.add(JudgeSpec.declared(i.get("name").asText(), i.get("field").asText(),
                i.get("route").asText(), WorkspacePaths.normalize(i.get("rubric").asText()), i.get("pass").asText())));
        return List.copyOf(judges);
    }

    private static void checkSuites(LoadContext ctx, LocatedTree tree, List<Manifest.SuiteDecl> suites) {
        Map<String, String> firstByName = new HashMap<>();
        for (Manifest.SuiteDecl s : suites) {
            String previous = firstByName.putIfAbsent(s.name(), s.pointer());
            if (previous != null) {
                ctx.add(tree.errorAt(s.pointer() + "/name", "duplicate suite name \"" + s.name()
                        + "\" (first on line " + tree.valueAt(previous + "/name").line() + ")"));
            }
            if (s.kind() == SuiteKind.TASK && s.scoredFields().isEmpty()) {
                ctx.add(tree.errorAtKey(s.pointer(), "task suite \"" + s.name()
                        + "\" scores nothing: give classification, extraction or routing fields"));
            }
            Set<String> classified = new HashSet<>(s.classification());
            Set<String> extracted = new HashSet<>();
            for (int i = 0; i < s.extraction().size(); i++) {
                String field = s.extraction().get(i);
                if (classified.contains(field)) {
                    ctx.add(tree.errorAt(s.pointer() + "/extraction/" + i, "field \"" + field
                            + "\" is listed under both classification and extraction in suite \"" + s.name() + "\""));
                }
                if (!extracted.add(field)) {
                    ctx.add(tree.errorAt(s.pointer() + "/extraction/" + i, "field \"" + field
                            + "\" is listed twice under extraction in suite \"" + s.name() + "\""));
                }
            }
            Set<String> checkNames = new HashSet<>();
            for (int i = 0; i < s.checks().size(); i++) {
                if (!checkNames.add(s.checks().get(i).name())) {
                    ctx.add(tree.errorAt(s.pointer() + "/checks/" + i + "/name", "duplicate check name \""
                            + s.checks().get(i).name() + "\" in suite \"" + s.name() + "\""));
                }
            }
            Set<String> judgeNames = new HashSet<>();
            for (int i = 0; i < s.judges().size(); i++) {
                if (!judgeNames.add(s.judges().get(i).name())) {
                    ctx.add(tree.errorAt(s.pointer() + "/judges/" + i + "/name", "duplicate judge name \""
                            + s.judges().get(i).name() + "\" in suite \"" + s.name() + "\""));
                }
            }
        }
    }
}
