package dev.evalbench.core.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the variables a Jinja (Pebble) template reads, with where, so an editor can mark the ones a case does
 * not define while the author types, before anything is rendered. A light scanner, not a parser: inside
 * {@code {{ }}} and {@code {% %}} it takes dotted names ({@code customer.name}), skipping string literals,
 * keywords, filters ({@code | upper}), tests ({@code is defined}), function calls and names the template binds
 * itself ({@code for x in}, {@code set x =}, {@code loop}). The strict renderer stays the judge; this is the
 * as-you-type hint. Stateless and thread-safe.
 */
public final class TemplateReferences {
    /** One variable read: its dotted path and its span in the source ({@code end} exclusive). */
    public record Reference(String path, int start, int end) {
        public String root() {
            int dot = path.indexOf('.');
            return dot < 0 ? path : path.substring(0, dot);
        }
    }

    /** A region ends before another opens: while "{{" is being typed it must not swallow the next expression. */
    private static final Pattern REGION = Pattern.compile(
            "\\{#.*?#}|\\{%((?:(?!\\{[{%#]).)*?)%}|\\{\\{((?:(?!\\{[{%#]).)*?)}}", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile(
            "'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*|\\S");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "elif", "else", "endif",
            "for", "endfor", "set", "endset", "block", "endblock", "macro", "endmacro", "import", "from", "as", "with",
            "endwith", "true", "false", "null", "none", "True", "False", "None", "filter", "endfilter", "autoescape",
            "endautoescape", "include", "extends", "embed", "endembed", "parallel", "endparallel", "verbatim",
            "endverbatim", "flush", "cache", "endcache", "only", "equals", "contains");

    private TemplateReferences() {}

    /** Every variable the template reads from its context, in source order. */
    public static List<Reference> in(String source) {
        List<Reference> found = new ArrayList<>();
        Set<String> bound = new HashSet<>(Set.of("loop", "_context"));
        Matcher region = REGION.matcher(source);
        while (region.find()) {
            int group = region.group(1) != null ? 1 : region.group(2) != null ? 2 : 0;
            if (group == 0) continue;
            scan(source, region.start(group), region.end(group), group == 1, bound, found);
        }
        return found;
    }

    /** The references whose path the case's vars do not define, in source order. */
    public static List<Reference> undefinedIn(String source, Map<String, Object> vars) {
        return in(source).stream().filter(r -> !defines(vars, r.path())).toList();
    }

    /**
     * Whether {@code vars} has every step of the dotted path. A step through something other than a map (a list,
     * a string, null) cannot be checked here and counts as defined: the renderer decides.
     */
    public static boolean defines(Map<String, Object> vars, String path) {
        Object at = vars;
        for (String step : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) return true;
            if (!map.containsKey(step)) return false;
            at = map.get(step);
        }
        return true;
    }

    private static void scan(String source, int from, int to, boolean statement, Set<String> bound, List<Reference> out) {
        Matcher token = TOKEN.matcher(source).region(from, to);
        List<String> texts = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        while (token.find()) {
            texts.add(token.group());
            spans.add(new int[] {token.start(), token.end()});
        }
        boolean forTargets = statement && !texts.isEmpty() && texts.get(0).equals("for");
        boolean macro = statement && !texts.isEmpty() && texts.get(0).equals("macro");
        int depth = 0;
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (t.equals("(")) depth++;
            if (t.equals(")")) depth--;
            if (macro) continue;
            if (!Character.isLetter(t.charAt(0)) && t.charAt(0) != '_') continue;
            if (forTargets) {
                if (t.equals("in")) forTargets = false;
                else if (!t.equals("for")) bound.add(t);
                continue;
            }
            if (KEYWORDS.contains(t)) continue;
            String previous = i > 0 ? texts.get(i - 1) : "";
            String next = i + 1 < texts.size() ? texts.get(i + 1) : "";
            if (previous.equals("|") || previous.equals("is") || (previous.equals("not") && i > 1 && texts.get(i - 2).equals("is"))) continue;
            if (next.equals("(")) continue;
            if (next.equals("=") && (depth > 0 || previous.equals("set"))) {
                if (previous.equals("set")) bound.add(t);
                continue;
            }
            Reference ref = new Reference(t, spans.get(i)[0], spans.get(i)[1]);
            if (bound.contains(ref.root())) continue;
            out.add(ref);
        }
    }
}
