package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Names a place in a workspace file the way its author thinks of it: {@code route "openai"},
 * {@code "retries" of route "openai"}, {@code suite "triage"}, {@code item 2 of "preprocess"}.
 */
final class Places {
    /** Collections whose members are named by their key or by their name/id field. */
    private static final Map<String, String> MEMBER_NOUNS = Map.of(
            "routes", "route",
            "suites", "suite",
            "gates", "gate",
            "restricted_patterns", "restricted pattern",
            "rules", "rule",
            "captures", "capture");

    private Places() {}

    /** The full place, innermost first: {@code "retries" of route "openai"}; the root is "the top level". */
    static String describe(JsonNode root, String pointer) {
        List<String> parts = parts(root, pointer);
        if (parts.isEmpty()) return "the top level";
        List<String> innermostFirst = new ArrayList<>(parts);
        Collections.reverse(innermostFirst);
        return String.join(" of ", innermostFirst);
    }

    /** The name of the value itself, for "X must be ...": {@code "min"}, {@code item 2 of "preprocess"}. */
    static String subject(JsonNode root, String pointer) {
        List<String> parts = parts(root, pointer);
        if (parts.isEmpty()) return "the file";
        String last = parts.get(parts.size() - 1);
        if (last.startsWith("item ") && parts.size() > 1) return last + " of " + parts.get(parts.size() - 2);
        return last;
    }

    private static List<String> parts(JsonNode root, String pointer) {
        List<String> parts = new ArrayList<>();
        String[] segments = JsonPointers.segments(pointer);
        JsonNode node = root;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean index = node != null && node.isArray();
            node = node == null ? null : index ? node.get(parseIndex(segment)) : node.get(segment);
            String noun = i > 0 ? MEMBER_NOUNS.get(segments[i - 1]) : null;
            if (noun != null) {
                parts.set(parts.size() - 1, noun + " " + memberLabel(node, segment, index));
            } else if (index) {
                parts.add("item " + (parseIndex(segment) + 1));
            } else {
                parts.add("\"" + segment + "\"");
            }
        }
        return parts;
    }

    private static String memberLabel(JsonNode member, String segment, boolean index) {
        if (!index) return "\"" + segment + "\"";
        for (String field : new String[] {"name", "id"}) {
            JsonNode label = member == null ? null : member.get(field);
            if (label != null && label.isTextual()) return "\"" + label.asText() + "\"";
        }
        return String.valueOf(parseIndex(segment) + 1);
    }

    private static int parseIndex(String segment) {
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
