package dev.evalbench.core.workspace;

import java.util.regex.PatternSyntaxException;

/** Says why a Java regex does not compile, on one line: what is wrong and where in the regex. */
final class RegexWords {
    private RegexWords() {}

    static String problem(String what, PatternSyntaxException e) {
        String where = e.getIndex() >= 0 ? " near position " + (e.getIndex() + 1) : "";
        return "the regex of " + what + " does not compile: " + e.getDescription() + where + " in " + quoted(e.getPattern());
    }

    private static String quoted(String pattern) {
        return "'" + pattern.replace("\n", "\\n") + "'";
    }
}
