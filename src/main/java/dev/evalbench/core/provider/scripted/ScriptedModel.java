package dev.evalbench.core.provider.scripted;

import dev.evalbench.core.text.RequiredText;
import dev.evalbench.core.workspace.WorkspaceException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of a {@code scripted} model (docs/workspace-format.md, "models/NAME.yaml"), compiled once. Answering
 * is a pure function of the user message: rules are tried in file order and the first whose {@code when} is found
 * answers, else the default does. Captures are evaluated on the same message; group 1 is the value and a capture
 * that does not match gives JSON {@code null}. A rule whose pattern names texts a match must contain
 * ({@link RequiredText}) is passed over without running its regex when the message holds none of them. Immutable;
 * thread-safe.
 */
public final class ScriptedModel {
    private final String file;
    private final Map<String, Pattern> captures;
    private final List<ScriptedRule> rules;
    /** Per rule, in order: the texts its pattern needs, or null where none are certain. */
    private final List<RequiredText> required;
    private final ScriptedRule fallback;

    ScriptedModel(String file, Map<String, Pattern> captures, List<ScriptedRule> rules, ScriptedRule fallback) {
        this.file = file;
        this.captures = new LinkedHashMap<>(captures);
        this.rules = List.copyOf(rules);
        this.required = this.rules.stream().map(r -> RequiredText.of(r.when()).orElse(null)).toList();
        this.fallback = fallback;
    }

    /**
     * Parses and checks a scripted model: YAML syntax, known keys only, types, regexes that compile, captures
     * with a group, answers that reference declared captures only.
     *
     * @param file the workspace-relative path, used in error messages
     * @throws WorkspaceException listing every problem found, each with the file, line and column
     */
    public static ScriptedModel parse(byte[] yaml, String file) throws WorkspaceException {
        return new ScriptedModelReader(file).read(yaml);
    }

    /** The workspace-relative path the model was read from. */
    public String file() {
        return file;
    }

    /** The rules, in order, not counting the default. */
    List<ScriptedRule> rules() {
        return rules;
    }

    /** How many rules have texts to be passed over by ({@link RequiredText}). */
    long rulesWithRequiredText() {
        return required.stream().filter(r -> r != null).count();
    }

    /** Number of rules, not counting the default. */
    public int ruleCount() {
        return rules.size();
    }

    /** The answer to a user message (the text of the last user message of a request). */
    public ScriptedAnswer answer(String userMessage) {
        ScriptedRule rule = ruleFor(userMessage, true);
        Map<String, String> values = new HashMap<>();
        for (String name : rule.answer().references()) {
            values.put(name, capture(captures.get(name), userMessage));
        }
        String text = rule.answer().render(values);
        int tokensOut = rule.tokensOut() != null ? rule.tokensOut() : text.length() / 4;
        return new ScriptedAnswer(text, rule.label(), rule.latencyMs(), tokensOut);
    }

    /** The rule that answers {@code userMessage}; {@code skipByText} false runs every regex (for tests). */
    ScriptedRule ruleFor(String userMessage, boolean skipByText) {
        String folded = skipByText ? RequiredText.foldAscii(userMessage) : null;
        for (int i = 0; i < rules.size(); i++) {
            RequiredText needs = required.get(i);
            if (skipByText && needs != null && !needs.mayMatch(userMessage, folded)) continue;
            if (rules.get(i).when().matcher(userMessage).find()) return rules.get(i);
        }
        return fallback;
    }

    private static String capture(Pattern pattern, String message) {
        Matcher m = pattern.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
