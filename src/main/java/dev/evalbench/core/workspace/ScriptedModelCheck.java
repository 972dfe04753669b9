package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks scripted-model files (models/*.yaml) named by routes: the schema, every regex compiles, every
 * capture has a group to take its value from, and every {@code ${name}} in an answer names a capture.
 * Each file is checked once however many routes name it. The scripted provider parses the file itself.
 */
final class ScriptedModelCheck {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final LoadContext ctx;
    private final Set<String> checked = new HashSet<>();

    ScriptedModelCheck(LoadContext ctx) {
        this.ctx = ctx;
    }

    void check(String path, LocatedTree referrer, String pointer) {
        if (!checked.add(path)) return;
        byte[] bytes = ctx.readReferenced(path, referrer, pointer, "script");
        if (bytes == null) return;
        LocatedTree tree = ctx.parseYaml(path, bytes);
        if (tree == null || !ctx.conforms(tree, WorkspaceSchemas.SCRIPTED)) return;
        JsonNode root = tree.root();
        Set<String> captures = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.path("captures").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> capture = fields.next();
            captures.add(capture.getKey());
            String at = JsonPointers.child("/captures", capture.getKey());
            Pattern compiled = compile(tree, at, capture.getValue().asText(), "capture \"" + capture.getKey() + "\"");
            if (compiled != null && compiled.matcher("").groupCount() < 1) {
                ctx.add(tree.errorAt(at, "capture \"" + capture.getKey() + "\" has no group: its value is group 1, "
                        + "e.g. '\\b(ORD-\\d{5})\\b'"));
            }
        }
        JsonNode rules = root.get("rules");
        for (int i = 0; i < rules.size(); i++) {
            String at = "/rules/" + i;
            compile(tree, at + "/when", rules.get(i).get("when").asText(), "\"when\" of rule " + (i + 1));
            checkPlaceholders(tree, at + "/answer", rules.get(i).get("answer").asText(), captures);
        }
        checkPlaceholders(tree, "/default/answer", root.get("default").get("answer").asText(), captures);
    }

    private Pattern compile(LocatedTree tree, String pointer, String regex, String what) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            ctx.add(tree.errorAt(pointer, RegexWords.problem(what, e)));
            return null;
        }
    }

    private void checkPlaceholders(LocatedTree tree, String pointer, String answer, Set<String> captures) {
        Matcher m = PLACEHOLDER.matcher(answer);
        while (m.find()) {
            if (!captures.contains(m.group(1))) {
                ctx.add(tree.errorAt(pointer, "answer uses ${" + m.group(1) + "} but there is no capture named \""
                        + m.group(1) + "\" (captures: " + (captures.isEmpty() ? "none" : String.join(", ", captures)) + ")"));
            }
        }
    }
}
