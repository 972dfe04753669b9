package dev.evalbench.core.provider.scripted;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.WorkspaceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one scripted-model file into a {@link ScriptedModel}, collecting every problem with its line and column
 * rather than stopping at the first. One instance reads one file; not thread-safe.
 */
final class ScriptedModelReader {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern CAPTURE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> ROOT_KEYS = Set.of("captures", "rules", "default");
    private static final Set<String> RULE_KEYS = Set.of("when", "answer", "latency_ms", "tokens_out");
    // The default is a rule without `when`; tokens_out is accepted there too, as on any rule.
    private static final Set<String> DEFAULT_KEYS = Set.of("answer", "latency_ms", "tokens_out");

    private final String file;
    private final List<InputError> errors = new ArrayList<>();
    private YamlLocator locator;

    ScriptedModelReader(String file) {
        this.file = file;
    }

    ScriptedModel read(byte[] yaml) throws WorkspaceException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
            locator = YamlLocator.index(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new WorkspaceException(new InputError(file, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new WorkspaceException(new InputError(file, 0, 0, "cannot be read: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new WorkspaceException(new InputError(file, 1, 1,
                    "expected a mapping with `rules` and `default` (and optionally `captures`)"));
        }
        checkKeys(root, "", ROOT_KEYS);
        Map<String, Pattern> captures = readCaptures(root.get("captures"));
        List<ScriptedRule> rules = readRules(root.get("rules"), captures);
        ScriptedRule fallback = readDefault(root.get("default"), captures);
        if (!errors.isEmpty()) throw new WorkspaceException(errors);
        return new ScriptedModel(file, captures, rules, fallback);
    }

    private Map<String, Pattern> readCaptures(JsonNode node) {
        Map<String, Pattern> captures = new LinkedHashMap<>();
        if (node == null) return captures;
        if (!node.isObject()) {
            error("/captures", "`captures` must be a mapping from a name to a regex");
            return captures;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String pointer = YamlLocator.child("/captures", entry.getKey());
            if (!CAPTURE_NAME.matcher(entry.getKey()).matches()) {
                error(pointer, "capture name `" + entry.getKey() + "` must match [A-Za-z_][A-Za-z0-9_]*");
            }
            Pattern pattern = regex(entry.getValue(), pointer, "captures." + entry.getKey());
            if (pattern == null) continue;
            if (pattern.matcher("").groupCount() < 1) {
                error(pointer, "captures." + entry.getKey() + ": the regex needs a group; group 1 is the captured value");
                continue;
            }
            captures.put(entry.getKey(), pattern);
        }
        return captures;
    }

    private List<ScriptedRule> readRules(JsonNode node, Map<String, Pattern> captures) {
        List<ScriptedRule> rules = new ArrayList<>();
        if (node == null) {
            error("", "missing `rules` (a list; it may be empty)");
            return rules;
        }
        if (!node.isArray()) {
            error("/rules", "`rules` must be a list of {when, answer, latency_ms, tokens_out}");
            return rules;
        }
        for (int i = 0; i < node.size(); i++) {
            String pointer = YamlLocator.child("/rules", i);
            String label = "rules[" + i + "]";
            JsonNode rule = node.get(i);
            if (!rule.isObject()) {
                error(pointer, label + " must be a mapping with `when` and `answer`");
                continue;
            }
            checkKeys(rule, pointer, RULE_KEYS);
            Pattern when = rule.has("when") ? regex(rule.get("when"), pointer + "/when", label + ".when") : null;
            if (!rule.has("when")) error(pointer, label + ": missing `when` (the regex searched in the user message)");
            ScriptedRule read = readBody(rule, pointer, label, when, captures);
            if (read != null && when != null) rules.add(read);
        }
        return rules;
    }

    private ScriptedRule readDefault(JsonNode node, Map<String, Pattern> captures) {
        if (node == null) {
            error("", "missing `default` (the answer when no rule matches)");
            return null;
        }
        if (!node.isObject()) {
            error("/default", "`default` must be a mapping with `answer`");
            return null;
        }
        checkKeys(node, "/default", DEFAULT_KEYS);
        return readBody(node, "/default", "default", null, captures);
    }

    /** Reads answer, latency_ms and tokens_out; null when any of them is wrong (the error is recorded). */
    private ScriptedRule readBody(JsonNode rule, String pointer, String label, Pattern when, Map<String, Pattern> captures) {
        JsonNode answerNode = rule.get("answer");
        AnswerTemplate answer = null;
        if (answerNode == null) {
            error(pointer, label + ": missing `answer` (the raw text the model returns)");
        } else if (!answerNode.isTextual()) {
            error(pointer + "/answer", label + ".answer: expected a string");
        } else {
            AnswerTemplate parsed = AnswerTemplate.of(answerNode.textValue());
            boolean known = true;
            for (String name : parsed.references()) {
                if (!captures.containsKey(name)) {
                    error(pointer + "/answer", label + ".answer: ${" + name + "} names no capture; declared: "
                            + (captures.isEmpty() ? "none" : String.join(", ", captures.keySet())));
                    known = false;
                }
            }
            answer = known ? parsed : null;
        }
        Long latency = count(rule.get("latency_ms"), pointer + "/latency_ms", label + ".latency_ms", 0L);
        Long tokensOut = count(rule.get("tokens_out"), pointer + "/tokens_out", label + ".tokens_out", null);
        if (answer == null || latency == null || (rule.has("tokens_out") && tokensOut == null)) return null;
        if (tokensOut != null && tokensOut > Integer.MAX_VALUE) {
            error(pointer + "/tokens_out", label + ".tokens_out: too large");
            return null;
        }
        return new ScriptedRule(label, when, answer, latency, tokensOut == null ? null : tokensOut.intValue());
    }

    /** A non-negative integer, {@code absent} when the key is missing, null (with an error) when it is wrong. */
    private Long count(JsonNode node, String pointer, String what, Long absent) {
        if (node == null) return absent;
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            error(pointer, what + ": expected a whole number >= 0, found `" + node + "`");
            return null;
        }
        return node.longValue();
    }

    private Pattern regex(JsonNode node, String pointer, String what) {
        if (!node.isTextual()) {
            error(pointer, what + ": expected a regex string");
            return null;
        }
        try {
            return Pattern.compile(node.textValue());
        } catch (PatternSyntaxException e) {
            error(pointer, what + ": invalid regex: " + e.getDescription() + " near index " + e.getIndex()
                    + " of `" + node.textValue() + "`");
            return null;
        }
    }

    private void checkKeys(JsonNode node, String pointer, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                error(YamlLocator.child(pointer, key), "unknown key `" + key + "`; expected one of "
                        + allowed.stream().sorted().toList());
            }
        }
    }

    private void error(String pointer, String message) {
        int[] at = locator.locate(pointer);
        errors.add(new InputError(file, at[0], at[1], message));
    }
}
