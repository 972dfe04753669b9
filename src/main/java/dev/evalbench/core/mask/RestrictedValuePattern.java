package dev.evalbench.core.mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * How a case's restricted value is found in a text: ignoring case and ignoring white space anywhere in
 * either, so {@code DE89 3704 0044 0532 0130 00} also finds {@code de89370400440532013000} and the other way
 * round. The one rule the decision layer, the safety checks and the outbound masking share: as a regex
 * ({@link #of}) where spans are wanted, and as a test that answers as the regex does ({@link #anyOf}) where only
 * presence is. Stateless.
 */
public final class RestrictedValuePattern {
    /** White space a writer or a model may put between the characters of a value. */
    private static final String GAP = "[\\s\\u00A0\\u202F]*";
    /** How {@link #anyOf} compares a value's character: by its fold (a cased character) or as it is. */
    private static final int FOLDED = 0;
    private static final int EXACT = 1;

    private RestrictedValuePattern() {}

    /** The pattern of a value; null for a value of white space only, which would match everything. */
    public static Pattern of(String value) {
        if (value == null || value.isBlank()) return null;
        StringBuilder regex = new StringBuilder();
        value.codePoints().filter(cp -> !isValueSpace(cp)).forEach(cp -> {
            if (regex.length() > 0) regex.append(GAP);
            regex.append(Pattern.quote(new String(Character.toChars(cp))));
        });
        // A value of no-break spaces only is as blank as one of spaces: an empty regex would match everything.
        if (regex.length() == 0) return null;
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Whether a value's character is left out of it: any white space, and the two no-break spaces. */
    static boolean isValueSpace(int cp) {
        return Character.isWhitespace(cp) || cp == 0xA0 || cp == 0x202F;
    }

    /** A character as the pattern compares a cased letter: upper-cased, then lower-cased. */
    static int fold(int cp) {
        return Character.toLowerCase(Character.toUpperCase(cp));
    }

    /**
     * A test for any of {@code values} in a text that answers exactly as {@code of(value).matcher(text).find()}
     * for some value, without compiling a regex per value (the decision layer asks for every case, and compiling
     * cost more than searching). It compares as the pattern does: the text code point by code point with the
     * pattern's gap characters dropped, a cased value character against the text's upper-then-lower-cased
     * character, an uncased one exactly. A text or value with a lone surrogate goes to the regex itself.
     * Blank values are ignored, as {@link #of} ignores them. Immutable and thread-safe.
     */
    public static Predicate<String> anyOf(Collection<String> values) {
        List<String> kept = new ArrayList<>();
        List<int[]> needles = new ArrayList<>();
        for (String v : values) {
            if (v == null || v.isBlank()) continue;
            int[] needle = needle(v);
            if (needle != null && needle.length == 0) continue; // no-break spaces only: blank, as for of()
            kept.add(v);
            needles.add(needle);
        }
        return text -> {
            if (text == null || kept.isEmpty()) return false;
            int[] haystack = haystack(text);
            for (int i = 0; i < kept.size(); i++) {
                int[] needle = needles.get(i);
                boolean found = needle == null || haystack == null
                        ? of(kept.get(i)).matcher(text).find() : contains(haystack, needle);
                if (found) return true;
            }
            return false;
        };
    }

    /**
     * The value's characters as the pattern matches them, two ints each: {@code FOLDED, fold(c)} for a cased
     * character (the pattern's SingleU), {@code EXACT, c} for an uncased one; null with a lone surrogate.
     */
    private static int[] needle(String value) {
        int[] out = new int[2 * value.length()];
        int n = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) return null;
            if (isValueSpace(cp)) continue;
            int upper = Character.toUpperCase(cp);
            int lower = Character.toLowerCase(upper);
            out[n++] = upper != lower ? FOLDED : EXACT;
            out[n++] = upper != lower ? lower : cp;
        }
        return Arrays.copyOf(out, n);
    }

    /** The text's code points without the pattern's gap characters, two ints each: the code point and its fold. */
    private static int[] haystack(String text) {
        int[] out = new int[2 * text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) return null;
            if (isGap(cp)) continue;
            out[n++] = cp;
            out[n++] = fold(cp);
        }
        return Arrays.copyOf(out, n);
    }

    /** The characters {@link #GAP} matches: regex {@code \\s} (ASCII white space) and two no-break spaces. */
    private static boolean isGap(int cp) {
        return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || cp == 0x202F;
    }

    private static boolean contains(int[] haystack, int[] needle) {
        outer:
        for (int start = 0; start + needle.length <= haystack.length; start += 2) {
            for (int j = 0; j < needle.length; j += 2) {
                int mode = needle[j];
                if (haystack[start + j + (mode == FOLDED ? 1 : 0)] != needle[j + 1]) continue outer;
            }
            return true;
        }
        return false;
    }
}
