package dev.evalbench.core.mask;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds any of many restricted values in a text at once, by the rule of {@link RestrictedValuePattern} (ignoring
 * case and white space) or more broadly, in time linear in the text: the text is compacted (white space dropped,
 * each character folded as the pattern folds cased letters) and every position is looked up by its first
 * {@value #KEY} characters in a hash of the values. It finds at least what the pattern finds, so what the
 * decision layer sees as a restricted value is masked too; it drops any white space from a text, and folds
 * letters the pattern compares exactly, so it may mask a little more. So a run's texts can be masked for every
 * case's values, not only their own case's, without a regex per value. A position is looked up only when a
 * rolling hash of its first characters is marked in a bit set of the values' prefixes, so most positions of a
 * text cost a few arithmetic operations and no allocation. Immutable and thread-safe.
 */
final class RestrictedValueIndex {
    private static final int KEY = 6;
    /** 2^20 bits (128 KB): with 50,000 values about 5% of a text's positions pass the filter (at 2^16, a third). */
    private static final int HASH_BITS = 20;
    private static final int BASE = 31;
    /** BASE to the power KEY - 1: the weight of the character a rolling hash drops. */
    private static final int TOP = (int) Math.pow(BASE, KEY - 1);

    private final Map<String, List<String>> byPrefix = new HashMap<>();
    private final List<String> shortValues = new ArrayList<>();
    private final long[] prefixHashes = new long[(1 << HASH_BITS) / 64];

    /** Spans of the original text, [start, end). */
    record Span(int start, int end) {}

    RestrictedValueIndex(Collection<String> values) {
        Set<String> compacted = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null) continue;
            String c = compact(v, null, null);
            if (!c.isEmpty()) compacted.add(c);
        }
        for (String c : compacted) {
            if (c.length() < KEY) shortValues.add(c);
            else {
                byPrefix.computeIfAbsent(c.substring(0, KEY), k -> new ArrayList<>()).add(c);
                int slot = slot(hash(c, 0));
                prefixHashes[slot >>> 6] |= 1L << slot;
            }
        }
    }

    /** The polynomial hash of the KEY characters of {@code s} from {@code from}; rolls as {@link #find} needs. */
    private static int hash(CharSequence s, int from) {
        int h = 0;
        for (int j = from; j < from + KEY; j++) h = h * BASE + s.charAt(j);
        return h;
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> HASH_BITS)) & ((1 << HASH_BITS) - 1);
    }

    boolean isEmpty() {
        return byPrefix.isEmpty() && shortValues.isEmpty();
    }

    /** The spans of the text that hold a value, in order, merged where they overlap. */
    List<Span> find(String text) {
        List<Span> spans = new ArrayList<>();
        if (text == null || text.isEmpty() || isEmpty()) return spans;
        // Most texts hold no value: the map back to the text is made only for one that does (no escape analysis
        // in the commands' quick compiler, so every array and iterator here is a real allocation per text).
        String c = compact(text, null, null);
        List<int[]> hits = new ArrayList<>();
        int rolling = c.length() >= KEY ? hash(c, 0) : 0;
        for (int i = 0; i < c.length(); i++) {
            if (i + KEY <= c.length()) {
                if (i > 0) rolling = (rolling - c.charAt(i - 1) * TOP) * BASE + c.charAt(i + KEY - 1);
                int slot = slot(rolling);
                if ((prefixHashes[slot >>> 6] & (1L << slot)) != 0) {
                    List<String> candidates = byPrefix.get(c.substring(i, i + KEY));
                    if (candidates != null) {
                        for (String v : candidates) if (c.startsWith(v, i)) hits.add(new int[] {i, i + v.length()});
                    }
                }
            }
            for (int k = 0; k < shortValues.size(); k++) {
                String v = shortValues.get(k);
                if (c.startsWith(v, i)) hits.add(new int[] {i, i + v.length()});
            }
        }
        if (hits.isEmpty()) return spans;
        int[] from = new int[2 * text.length()];
        int[] to = new int[2 * text.length()];
        compact(text, from, to);
        for (int[] h : hits) {
            int start = from[h[0]];
            int end = to[h[1] - 1];
            Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && start <= last.end()) {
                spans.set(spans.size() - 1, new Span(last.start(), Math.max(last.end(), end)));
            } else {
                spans.add(new Span(start, end));
            }
        }
        return spans;
    }

    /**
     * White space dropped ({@link RestrictedValuePattern#isValueSpace}) and each code point folded
     * ({@link RestrictedValuePattern#fold}). {@code from} and {@code to}, when given (twice the text's length),
     * map each kept char back to the span of its code point in the text.
     */
    static String compact(String text, int[] from, int[] to) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            char ch = text.charAt(i);
            if (ch < ASCII.length) {
                // Most of a text: one table look-up instead of the code point, white-space and case calls.
                int folded = ASCII[ch];
                if (folded >= 0) {
                    if (from != null) {
                        from[out.length()] = i;
                        to[out.length()] = i + 1;
                    }
                    out.append((char) folded);
                }
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (!RestrictedValuePattern.isValueSpace(cp)) {
                int at = out.length();
                out.appendCodePoint(RestrictedValuePattern.fold(cp));
                for (int k = at; from != null && k < out.length(); k++) {
                    from[k] = i;
                    to[k] = next;
                }
            }
            i = next;
        }
        return out.toString();
    }

    /**
     * Each ASCII character as {@link #compact} keeps it ({@link RestrictedValuePattern#fold}), or -1 for one it drops
     * ({@link RestrictedValuePattern#isValueSpace}): made by those two, so the table cannot say otherwise.
     */
    private static final int[] ASCII = new int[128];

    static {
        for (int c = 0; c < ASCII.length; c++) {
            ASCII[c] = RestrictedValuePattern.isValueSpace(c) ? -1 : RestrictedValuePattern.fold(c);
        }
    }
}
