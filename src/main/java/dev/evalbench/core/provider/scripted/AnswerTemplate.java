package dev.evalbench.core.provider.scripted;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a scripted answer with its {@code ${name}} references to captures. Rendering replaces each reference
 * by the captured value as a JSON string literal, or by {@code null} when the capture did not match; everything
 * else is copied verbatim, so an answer may be invalid JSON on purpose. Immutable; thread-safe.
 */
final class AnswerTemplate {
    static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

    /** Literal text and capture names, alternating: even indexes are literals, odd ones are names. */
    private final List<String> parts;
    private final Set<String> references;

    private AnswerTemplate(List<String> parts) {
        this.parts = List.copyOf(parts);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i < parts.size(); i += 2) names.add(parts.get(i));
        this.references = Set.copyOf(names);
    }

    /** Splits an answer into literals and references; the caller checks that the references exist. */
    static AnswerTemplate of(String answer) {
        List<String> parts = new ArrayList<>();
        Matcher m = REFERENCE.matcher(answer);
        int last = 0;
        while (m.find()) {
            parts.add(answer.substring(last, m.start()));
            parts.add(m.group(1));
            last = m.end();
        }
        parts.add(answer.substring(last));
        return new AnswerTemplate(parts);
    }

    /** The capture names this answer uses. */
    Set<String> references() {
        return references;
    }

    /** {@code values} maps every referenced name to its captured text, or to null when it did not match. */
    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                out.append(parts.get(i));
            } else {
                String value = values.get(parts.get(i));
                out.append(value == null ? "null" : TextNode.valueOf(value).toString());
            }
        }
        return out.toString();
    }
}
