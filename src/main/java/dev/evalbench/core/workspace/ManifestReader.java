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
                List.copyOf(suites));
    }

    private static Manifest.SuiteDecl suite(String pointer, JsonNode node) {
        return new Manifest.SuiteDecl(pointer,
                Trees.text(node, "name"),
                SuiteKind.valueOf(Trees.text(node, "kind").toUpperCase(Locale.ROOT)),
                Trees.text(node, "prompt"),
                WorkspacePaths.normalize(Trees.text(node, "dataset")),
                Trees.text(node, "version"),
                Trees.strings(node, "classification"),
                Trees.strings(node, "extraction"),
                Trees.text(node, "routing"));
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
            for (int i = 0; i < s.extraction().size(); i++) {
                String field = s.extraction().get(i);
                if (classified.contains(field)) {
                    ctx.add(tree.errorAt(s.pointer() + "/extraction/" + i, "field \"" + field
                            + "\" is listed under both classification and extraction in suite \"" + s.name() + "\""));
                }
            }
        }
    }
}
