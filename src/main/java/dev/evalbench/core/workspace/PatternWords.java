package dev.evalbench.core.workspace;

import java.util.Map;

/** Plain-words names of the patterns the bundled workspace schemas use; other patterns are shown as written. */
final class PatternWords {
    private static final String PATH = "^(?![/\\\\])(?![A-Za-z]:)(?!.*(?:^|/)\\.\\.(?:/|$))[^\\\\]+$";
    private static final Map<String, String> KNOWN = Map.of(
            "^[a-z0-9][a-z0-9-]*$", "lower-case letters, digits and '-'",
            "^[a-z0-9][a-z0-9_-]*$", "lower-case letters, digits, '-' and '_'",
            "^[A-Za-z0-9][A-Za-z0-9._-]*$", "letters, digits, '.', '_' and '-'",
            "^[A-Za-z0-9][A-Za-z0-9._:-]*$", "letters, digits, '.', '_', ':' and '-'",
            "^[A-Za-z_][A-Za-z0-9_]*$", "a name of letters, digits and '_', not starting with a digit",
            PATH, "a relative path inside the workspace with '/' separators (not absolute, no '..')",
            "^https?://\\S+$", "an http:// or https:// URL");

    private PatternWords() {}

    static String explain(String pattern) {
        String words = KNOWN.get(pattern);
        return words != null ? words : "the pattern " + pattern;
    }
}
