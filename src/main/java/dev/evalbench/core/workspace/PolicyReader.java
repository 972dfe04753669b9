package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Digests;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads policy.yaml: the schema, then every restricted regex compiles and, unless the policy is a stored run's,
 * can search long outputs ({@link RestrictedPatternProbes}), and the fallback action is allowed.
 */
final class PolicyReader {
    private PolicyReader() {}

    /** Null when the file is missing or has errors (recorded). */
    static PolicySpec read(LoadContext ctx, String path) {
        return read(ctx, path, List.of());
    }

    /**
     * As {@link #read(LoadContext, String)}, type-checking the CEL rules against each of {@code outputSchemas}
     * (the output schemas of the workspace's prompts; none: open objects).
     */
    static PolicySpec read(LoadContext ctx, String path, List<JsonNode> outputSchemas) {
        byte[] bytes = ctx.readRequired(path, "its decision policy, allowed_actions and fallback_action at least");
        if (bytes == null) return null;
        LocatedTree tree = ctx.parseYaml(path, bytes);
        if (tree == null || !ctx.conforms(tree, WorkspaceSchemas.POLICY)) return null;
        JsonNode root = tree.root();
        int before = ctx.errorCount();
        List<PolicySpec.RestrictedPattern> patterns = patterns(ctx, tree);
        List<String> allowed = Trees.strings(root, "allowed_actions");
        String fallback = Trees.text(root, "fallback_action");
        if (!allowed.contains(fallback)) {
            ctx.add(tree.errorAt("/fallback_action", "fallback action \"" + fallback
                    + "\" is not an allowed action (allowed_actions: " + String.join(", ", allowed) + ")"));
        }
        List<PolicySpec.Rule> rules = PolicyRuleTypes.read(ctx, tree, new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
                outputSchemas);
        if (ctx.errorCount() > before) return null;
        JsonNode limits = root.path("limits");
        return new PolicySpec(root.get("revision").asInt(), allowed,
                Trees.strings(root, "allowed_tools"), Trees.strings(root, "required_fields"), patterns,
                Trees.number(limits, "max_refund_amount"), Trees.integer(limits, "max_reply_chars"),
                fallback, Digests.sha256(bytes), rules);
    }

    private static List<PolicySpec.RestrictedPattern> patterns(LoadContext ctx, LocatedTree tree) {
        List<PolicySpec.RestrictedPattern> patterns = new ArrayList<>();
        Map<String, Integer> lineByName = new HashMap<>();
        JsonNode nodes = tree.root().path("restricted_patterns");
        for (int i = 0; i < nodes.size(); i++) {
            String at = "/restricted_patterns/" + i;
            String name = nodes.get(i).get("name").asText();
            String regex = nodes.get(i).get("regex").asText();
            Integer first = lineByName.putIfAbsent(name, tree.valueAt(at + "/name").line());
            if (first != null) {
                ctx.add(tree.errorAt(at + "/name", "duplicate restricted pattern name \"" + name + "\" (first on line " + first + ")"));
            }
            try {
                Pattern compiled = Pattern.compile(regex);
                // Only for a new run (and validate, and the editor): a stored run made with such a pattern stays
                // readable, and resumable, as it was made; its searches are bounded all the same.
                if (!ctx.forReading() && !ctx.vouchedSoFar()) {
                    RestrictedPatternProbes.problem(compiled).ifPresent(problem ->
                            ctx.add(tree.errorAt(at + "/regex", "restricted pattern \"" + name + "\" " + problem)));
                }
            } catch (PatternSyntaxException e) {
                ctx.add(tree.errorAt(at + "/regex", RegexWords.problem("restricted pattern \"" + name + "\"", e)));
            }
            patterns.add(new PolicySpec.RestrictedPattern(name, regex));
        }
        return List.copyOf(patterns);
    }
}
