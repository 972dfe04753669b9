package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.evalbench.core.json.Digests;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The preprocessing steps, applied in order to every string value (never keys) in a case's vars, at any
 * depth. {@code trim}: strip leading and trailing Unicode whitespace; {@code collapse_whitespace}: every run of
 * whitespace becomes one space; {@code lowercase}: locale-independent lower case; {@code strip_control}: drop
 * control characters except tab, line feed and carriage return. Immutable and thread-safe.
 */
final class Preprocessor {

    private final List<String> steps;

    Preprocessor(List<String> steps) {
        this.steps = List.copyOf(steps);
    }

    /** SHA-256 of the step names joined by "\n": the preprocessing hash recorded with every case. */
    String hash() {
        return Digests.sha256(String.join("\n", steps));
    }

    /** Rewrites the strings of {@code vars} in place. */
    void apply(ObjectNode vars) {
        if (steps.isEmpty()) return;
        for (Map.Entry<String, JsonNode> field : vars.properties()) {
            JsonNode value = field.getValue();
            if (value.isTextual()) field.setValue(TextNode.valueOf(process(value.asText())));
            else walk(value);
        }
    }

    private void walk(JsonNode node) {
        if (node.isObject()) {
            apply((ObjectNode) node);
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isTextual()) array.set(i, TextNode.valueOf(process(item.asText())));
                else walk(item);
            }
        }
    }

    String process(String text) {
        String out = text;
        for (String step : steps) {
            switch (step) {
                case "trim": out = trim(out); break;
                case "collapse_whitespace": out = collapse(out); break;
                case "lowercase": out = out.toLowerCase(Locale.ROOT); break;
                case "strip_control": out = stripControl(out); break;
                default: throw new IllegalStateException("unknown preprocessing step passed the schema: " + step);
            }
        }
        return out;
    }

    /** Unicode White_Space: what {@code \\s} means with UNICODE_CHARACTER_CLASS, without a regex per string. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) start++;
        while (end > start && isSpace(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    private static String collapse(String s) {
        int n = s.length();
        int i = 0;
        // most strings need nothing: find the first whitespace that is not a lone plain space
        while (i < n && !(isSpace(s.charAt(i)) && (s.charAt(i) != ' ' || i + 1 < n && isSpace(s.charAt(i + 1))))) i++;
        if (i == n) return s;
        StringBuilder out = new StringBuilder(n).append(s, 0, i);
        boolean inSpace = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                if (!inSpace) out.append(' ');
                inSpace = true;
            } else {
                out.append(c);
                inSpace = false;
            }
        }
        return out.toString();
    }

    private static boolean isStrippedControl(char c) {
        return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
    }

    private static String stripControl(String s) {
        int i = 0;
        while (i < s.length() && !isStrippedControl(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, i);
        for (; i < s.length(); i++) {
            if (!isStrippedControl(s.charAt(i))) out.append(s.charAt(i));
        }
        return out.toString();
    }
}
