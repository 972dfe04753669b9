package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${NAME}} and {@code ${NAME:-default}} in the string values of routes.yaml, in place. Shell
 * semantics: the default applies when the variable is unset or empty. A plain {@code ${NAME}} that is unset is
 * no error of the file: it makes its route one that cannot run here ({@link UnsetVariable}), found before a run
 * that needs the route, so a variable of one route never stops a run of another. A reference always yields a
 * string. {@code api_key_env} and {@code secret_headers} values are names, never interpolated, and a variable that
 * some route names as its API key may not be interpolated anywhere: keys must never land in a route, a record or a
 * message.
 */
final class EnvInterpolator {
    private static final Pattern REFERENCE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$", Pattern.DOTALL);

    private final LocatedTree tree;
    private final Map<String, String> env;
    private final Set<String> keyVariables;
    private final LoadContext ctx;
    private final Set<String> unresolved = new HashSet<>();
    private final Map<String, List<UnsetVariable>> unset = new LinkedHashMap<>();

    private EnvInterpolator(LocatedTree tree, Map<String, String> env, Set<String> keyVariables, LoadContext ctx) {
        this.tree = tree;
        this.env = env;
        this.keyVariables = keyVariables;
        this.ctx = ctx;
    }

    /**
     * What resolving left: the pointers of values whose references are in error (errors recorded) or name an
     * unset variable (those values keep their raw text, so the schema does not judge them), and the unset
     * variables by route, in file order.
     */
    record Resolved(Set<String> unresolved, Map<String, List<UnsetVariable>> unset) {}

    /** Rewrites every string under {@code /routes}. */
    static Resolved resolveRoutes(LocatedTree tree, Map<String, String> env, Set<String> keyVariables, LoadContext ctx) {
        EnvInterpolator interpolator = new EnvInterpolator(tree, env, keyVariables, ctx);
        JsonNode routes = tree.root().path("routes");
        if (routes.isObject()) interpolator.walk(routes, "/routes");
        return new Resolved(interpolator.unresolved, interpolator.unset);
    }

    private void walk(JsonNode node, String pointer) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            object.fieldNames().forEachRemaining(name -> {
                String child = JsonPointers.child(pointer, name);
                JsonNode value = object.get(name);
                // api_key_env and secret_headers hold variable NAMES: never interpolated.
                boolean keyName = (name.equals("api_key_env") || name.equals("secret_headers"))
                        && JsonPointers.segments(child).length == 3;
                if (value.isTextual() && !keyName) object.set(name, resolve(value.asText(), child));
                else if (!keyName) walk(value, child);
            });
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                String child = JsonPointers.child(pointer, i);
                if (array.get(i).isTextual()) array.set(i, resolve(array.get(i).asText(), child));
                else walk(array.get(i), child);
            }
        }
    }

    private TextNode resolve(String text, String pointer) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (true) {
            int start = text.indexOf("${", from);
            if (start < 0) break;
            int end = text.indexOf('}', start + 2);
            if (end < 0) {
                ctx.add(tree.errorAt(pointer, "unclosed environment reference \"" + text.substring(start)
                        + "\" (expected ${NAME} or ${NAME:-default})"));
                unresolved.add(pointer);
                return TextNode.valueOf(text);
            }
            out.append(text, from, start);
            String value = lookup(text.substring(start + 2, end), pointer);
            if (value == null) {
                unresolved.add(pointer);
                return TextNode.valueOf(text);
            }
            out.append(value);
            from = end + 1;
        }
        out.append(text.substring(from));
        return TextNode.valueOf(out.toString());
    }

    /** The value of one reference body ({@code NAME} or {@code NAME:-default}); null after recording an error. */
    private String lookup(String body, String pointer) {
        Matcher m = REFERENCE.matcher(body);
        if (!m.matches()) {
            ctx.add(tree.errorAt(pointer, "malformed environment reference \"${" + body
                    + "}\" (expected ${NAME} or ${NAME:-default}, NAME of letters, digits and '_')"));
            return null;
        }
        String name = m.group(1);
        if (keyVariables.contains(name)) {
            ctx.add(tree.errorAt(pointer, "environment variable \"" + name + "\" holds an API key (a route names it in "
                    + "api_key_env or secret_headers) and cannot be interpolated"));
            return null;
        }
        String value = env.get(name);
        String fallback = m.group(2);
        if (fallback != null) return value == null || value.isEmpty() ? fallback : value;
        if (value == null) {
            String[] at = JsonPointers.segments(pointer);
            String setting = String.join(".", java.util.Arrays.copyOfRange(at, 2, at.length));
            InputError where = tree.errorAt(pointer, "environment variable \"" + name + "\" is not set, and route " + at[1]
                    + " takes its " + setting + " from it (set it, or write ${" + name + ":-default} to give a default)");
            unset.computeIfAbsent(at[1], route -> new ArrayList<>()).add(new UnsetVariable(at[1], setting, name, where));
            return null;
        }
        return value;
    }
}
