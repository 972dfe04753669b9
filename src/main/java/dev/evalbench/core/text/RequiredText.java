package dev.evalbench.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A cheap test that a pattern cannot match a text, so the regex need not run: texts one of which every match of the
 * pattern contains. A scripted model tries its rules in order on every case, and most rules are alternations of
 * phrases under {@code (?i)} that a message does not contain; Java's regex engine tries every alternative at every
 * position of the message, which was half a scripted case's cost (docs/benchmarks.md). A {@code contains} per
 * phrase rejects those rules first. Masking a report's texts ({@code core/mask/MaskedText}) passes over a policy
 * pattern the same way: an e-mail pattern needs an {@code @}, which most texts do not hold.
 *
 * <p>Derived only where that is certain: the pattern is at most one leading {@code (?i)} and then top-level
 * alternatives, each holding a run of plain characters that every match of the alternative contains (escaped
 * punctuation counts as plain; {@code \b} does not break a run; groups, classes, other escapes and anything a
 * quantifier applies to do), or a group it must match once whose every alternative holds one (then each of those
 * runs is a text: {@code (?:charged|billed)\b}). Any other flag, {@code \Q}, or an alternative without such texts
 * gives no test at all, and the regex decides as before. {@code (?i)} without {@code UNICODE_CASE} folds ASCII
 * letters only, and so does this test. It can only say "cannot match"; whether a rule matches is still the
 * regex's. Immutable.
 */
public final class RequiredText {
    /** A scripted model's shortest text: shorter runs reject too few of its rules to pay for the test. */
    public static final int MIN_LENGTH = 3;
    private final boolean ignoreAsciiCase;
    private final List<String> texts;

    private RequiredText(boolean ignoreAsciiCase, List<String> texts) {
        this.ignoreAsciiCase = ignoreAsciiCase;
        this.texts = texts;
    }

    /**
     * The test for a compiled pattern, or empty when none is certain: only a pattern whose text says all it matches
     * by, compiled without flags or with only the case-insensitive flag its own leading {@code (?i)} sets
     * ({@link Pattern#flags} includes inline flags).
     */
    public static Optional<RequiredText> of(Pattern pattern) {
        return of(pattern, MIN_LENGTH);
    }

    /** As {@link #of(Pattern)}, with texts of at least {@code minLength} characters ({@code @} for an e-mail pattern at 1). */
    public static Optional<RequiredText> of(Pattern pattern, int minLength) {
        int flags = pattern.flags();
        boolean asWritten = flags == 0 || (flags == Pattern.CASE_INSENSITIVE && pattern.pattern().startsWith("(?i)"));
        return asWritten ? of(pattern.pattern(), minLength) : Optional.empty();
    }

    /** The test for {@code regex} as written, or empty when none is certain. */
    public static Optional<RequiredText> of(String regex) {
        return of(regex, MIN_LENGTH);
    }

    /** As {@link #of(String)}, with texts of at least {@code minLength} characters (at least 1). */
    public static Optional<RequiredText> of(String regex, int minLength) {
        if (minLength < 1) throw new IllegalArgumentException("a required text has at least one character");
        if (regex.contains("\\Q")) return Optional.empty(); // quoted text is not read here, nor where it ends
        boolean ignoreCase = regex.startsWith("(?i)");
        String rest = ignoreCase ? regex.substring(4) : regex;
        List<String> texts = new ArrayList<>();
        for (String alternative : topLevelAlternatives(rest)) {
            List<String> required = requiredTexts(alternative, minLength);
            if (required == null || required.isEmpty()) return Optional.empty();
            for (String text : required) texts.add(ignoreCase ? foldAscii(text) : text);
        }
        return texts.isEmpty() ? Optional.empty() : Optional.of(new RequiredText(ignoreCase, List.copyOf(texts)));
    }

    /** The texts, as the test compares them (ASCII letters in lower case under {@code (?i)}). */
    public List<String> texts() {
        return texts;
    }

    /**
     * Whether the pattern may match {@code message}; false only when it cannot.
     *
     * @param folded {@code message} with ASCII letters in lower case ({@link #foldAscii}), which a caller trying
     *     many rules on one message makes once
     */
    public boolean mayMatch(String message, String folded) {
        String in = ignoreAsciiCase ? folded : message;
        for (String text : texts) {
            if (in.contains(text)) return true;
        }
        return false;
    }

    /** Whether the pattern may match {@code text}; false only when it cannot. Folds the text only where the test needs it. */
    public boolean mayMatch(String text) {
        return mayMatch(text, ignoreAsciiCase ? foldAscii(text) : text);
    }

    /** ASCII letters in lower case, every other character as it is: what {@code (?i)} compares. */
    public static String foldAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] out = s.toCharArray();
                for (int j = i; j < out.length; j++) {
                    if (out[j] >= 'A' && out[j] <= 'Z') out[j] = (char) (out[j] + ('a' - 'A'));
                }
                return new String(out);
            }
        }
        return s;
    }

    /** The pattern split at its top-level {@code |}; one empty alternative where it cannot be read (no test). */
    private static List<String> topLevelAlternatives(String regex) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' || c == '(') {
                i = c == '[' ? classEnd(regex, i) : groupEnd(regex, i);
                if (i < 0) return List.of("");
            } else if (c == '|') {
                out.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        out.add(regex.substring(start));
        return out;
    }

    /**
     * Texts one of which every match of {@code alternative} holds, all of at least {@code minLength} characters;
     * empty when none is certain, null when the alternative holds a construct that could change what its characters
     * mean (a flag, a back reference, an escape with an argument). The longest run of characters every match holds in
     * a row is one such text; a group that must match once, each of whose own alternatives gives texts, gives the
     * texts of all of them ({@code (?:charged|billed) twice} gives "charged" and "billed" where no run is long
     * enough). Of these, the one whose shortest text is longest is kept.
     */
    private static List<String> requiredTexts(String alternative, int minLength) {
        StringBuilder run = new StringBuilder();
        String best = "";
        List<String> bestGroup = List.of();
        int i = 0;
        while (i < alternative.length()) {
            char c = alternative.charAt(i);
            int next;
            Character literal = null;
            if (c == '\\') {
                if (i + 1 >= alternative.length()) return null;
                char e = alternative.charAt(i + 1);
                if (e == 'Q' || e == 'E') return null;
                if (e == 'b' || e == 'B') {
                    // Zero-width: the characters on either side still stand next to each other in a match.
                    if (quantified(alternative, i + 2)) return null;
                    i += 2;
                    continue;
                }
                if (!Character.isLetterOrDigit(e)) literal = e;
                next = i + 2;
                if (literal == null && (Character.isDigit(e) || "pPxuNkc".indexOf(e) >= 0)) {
                    return null; // escapes with arguments (octal, back references, \x41, \p{L}...): no test
                }
            } else if (c == '[') {
                next = classEnd(alternative, i);
                if (next < 0) return null;
                next++;
            } else if (c == '(') {
                if (alternative.startsWith("(?", i) && !alternative.startsWith("(?:", i) && !alternative.startsWith("(?<", i)
                        && !alternative.startsWith("(?=", i) && !alternative.startsWith("(?!", i)) {
                    return null; // an inline flag, or a construct this class does not read
                }
                int close = groupEnd(alternative, i);
                if (close < 0) return null;
                next = close + 1;
                int body = bodyStart(alternative, i);
                if (body > 0 && !quantified(alternative, next)) {
                    List<String> texts = groupTexts(alternative.substring(body, close), minLength);
                    if (shortest(texts) > shortest(bestGroup)) bestGroup = texts;
                }
            } else if (".^$".indexOf(c) >= 0) {
                next = i + 1;
            } else if ("?*+{)|]}".indexOf(c) >= 0) {
                return null; // a quantifier or closer where none belongs: leave it to the regex
            } else {
                literal = c;
                next = i + 1;
            }
            if (literal != null && !quantified(alternative, next)) {
                run.append(literal.charValue());
            } else {
                if (run.length() > best.length()) best = run.toString();
                run.setLength(0);
            }
            i = skipQuantifier(alternative, next);
        }
        if (run.length() > best.length()) best = run.toString();
        if (best.length() >= minLength && best.length() >= shortest(bestGroup)) return List.of(best);
        return bestGroup;
    }

    /**
     * Where the body of the group opened at {@code open} starts, for a group every match of which is a match of its
     * body: a plain, non-capturing or named group; −1 for a look-around, which matches no characters of its own.
     */
    private static int bodyStart(String s, int open) {
        if (!s.startsWith("(?", open)) return open + 1;
        if (s.startsWith("(?:", open)) return open + 3;
        if (s.startsWith("(?<", open) && open + 3 < s.length() && Character.isLetter(s.charAt(open + 3))) {
            int end = s.indexOf('>', open);
            return end < 0 ? -1 : end + 1;
        }
        return -1;
    }

    /** The texts of every alternative of a group's body, or empty when one of them gives none. */
    private static List<String> groupTexts(String body, int minLength) {
        List<String> out = new ArrayList<>();
        for (String alternative : topLevelAlternatives(body)) {
            List<String> texts = requiredTexts(alternative, minLength);
            if (texts == null || texts.isEmpty()) return List.of();
            out.addAll(texts);
        }
        return out;
    }

    /** The length of the shortest of {@code texts}, or 0 when there are none. */
    private static int shortest(List<String> texts) {
        return texts.stream().mapToInt(String::length).min().orElse(0);
    }

    private static boolean quantified(String s, int at) {
        return at < s.length() && "?*+{".indexOf(s.charAt(at)) >= 0;
    }

    /** The index after a quantifier at {@code at} (with its lazy or possessive mark), or {@code at} if none. */
    private static int skipQuantifier(String s, int at) {
        if (at >= s.length()) return at;
        char c = s.charAt(at);
        int i = at;
        if (c == '?' || c == '*' || c == '+') {
            i++;
        } else if (c == '{') {
            int close = s.indexOf('}', at);
            if (close < 0) return s.length();
            i = close + 1;
        } else {
            return at;
        }
        if (i < s.length() && (s.charAt(i) == '?' || s.charAt(i) == '+')) i++;
        return i;
    }

    /** The index of the {@code ]} closing the class opened at {@code open} (classes nest in Java), or −1. */
    private static int classEnd(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
                // A ']' first in a class is a literal.
                if (i + 1 < s.length() && s.charAt(i + 1) == ']') i++;
                else if (i + 2 < s.length() && s.charAt(i + 1) == '^' && s.charAt(i + 2) == ']') i += 2;
            } else if (c == ']') {
                depth--;
                if (depth == 0) return i;
            }
        }
        return -1;
    }

    /** The index of the {@code )} closing the group opened at {@code open}, or −1. */
    private static int groupEnd(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(s, i);
                if (i < 0) return -1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) return i;
            }
        }
        return -1;
    }
}
