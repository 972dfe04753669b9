package dev.evalbench.core.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The decision layer's test for restricted values ({@link RestrictedValuePattern#anyOf}) answers exactly as the
 * regex the masking uses ({@link RestrictedValuePattern#of}), on texts and values built to be hard: letters whose
 * case mappings are uneven (sharp s and its capital, long s, dotless and dotted i, the Kelvin sign, titlecase
 * digraphs, final sigma), supplementary letters with and without case, the gap characters the pattern skips and
 * white space it does not, and lone surrogates.
 */
class RestrictedValuePatternTest {
    static final String[] ALPHABET = {
        "a", "A", "e", "E", "k", "K", "s", "S", "i", "I", "0", "7", "-", ".", "@",
        "ß", "ẞ", "ſ", "ı", "İ", "\u212A", "ǅ", "Ǆ", "ǆ", "Σ", "σ", "ς", "é", "É",
        "\uD835\uDC00", "\uD801\uDC00", "\uD801\uDC28", // mathematical bold A (no case), Deseret capital and small long I
        " ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0", "\u202F", // what the pattern lets between a value's characters
        "\u2028", "\u2003", "\u001F", "\u1680", // white space it drops from a value but not from a text
        "\uD800", "\uDC00" // lone surrogates
    };

    @Test
    void answersAsTheRegexOnHardTexts() {
        SplittableRandom r = new SplittableRandom(2026);
        int found = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = random(r, r.nextInt(0, 24));
            // Half the values come from the text itself, re-cased and re-spaced, so matches are common.
            String value = r.nextBoolean() ? random(r, r.nextInt(1, 6)) : respaced(r, text);
            Pattern regex = RestrictedValuePattern.of(value);
            boolean expected = regex != null && regex.matcher(text).find();
            assertThat(RestrictedValuePattern.anyOf(List.of(value)).test(text))
                    .as("value %s in text %s", escaped(value), escaped(text)).isEqualTo(expected);
            if (expected) found++;
        }
        assertThat(found).as("enough matches to mean something").isGreaterThan(4_000);
    }

    @Test
    void theDocumentedCasesAndBlankValues() {
        assertThat(RestrictedValuePattern.anyOf(List.of("DE89 3704 0044 0532 0130 00")).test("iban: de89370400440532013000")).isTrue();
        assertThat(RestrictedValuePattern.anyOf(List.of("de89370400440532013000")).test("DE89\u00A03704 0044\n0532 0130 00")).isTrue();
        assertThat(RestrictedValuePattern.anyOf(List.of("jane@example.com")).test("write to jane@example.org")).isFalse();
        assertThat(RestrictedValuePattern.anyOf(List.of("x@y.z", "555-0100")).test("call 555-01 00")).isTrue();
        // Values of white space only would match everything: ignored by both forms, no-break spaces included.
        for (String blank : new String[] {"", " ", "\u00A0", "\u202F \u00A0"}) {
            assertThat(RestrictedValuePattern.of(blank)).as(escaped(blank)).isNull();
            assertThat(RestrictedValuePattern.anyOf(java.util.Arrays.asList(blank, null)).test("any text")).as(escaped(blank)).isFalse();
        }
        assertThat(RestrictedValuePattern.anyOf(List.of("secret")).test(null)).isFalse();
    }

    static String random(SplittableRandom r, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) out.append(ALPHABET[r.nextInt(ALPHABET.length)]);
        return out.toString();
    }

    /** A stretch of the text with some letters' case flipped and some gaps added or removed. */
    static String respaced(SplittableRandom r, String text) {
        if (text.isEmpty()) return "a";
        int from = r.nextInt(text.length());
        int to = Math.min(text.length(), from + 1 + r.nextInt(6));
        StringBuilder out = new StringBuilder();
        for (char c : text.substring(from, to).toCharArray()) {
            if (r.nextInt(4) == 0) out.append(ALPHABET[32 + r.nextInt(8)]);
            if (Character.isWhitespace(c) && r.nextBoolean()) continue;
            out.append(r.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    static String escaped(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.append('"').toString();
    }
}
