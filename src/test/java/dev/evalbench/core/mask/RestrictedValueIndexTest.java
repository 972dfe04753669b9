package dev.evalbench.core.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The index finds a value wherever {@link RestrictedValuePattern}, the rule it stands in for, finds it: at the
 * start and the end of a text, spaced, upper-cased, between other characters, in texts with many near misses
 * (the prefix filter must not drop a real hit), and a mask gives the same text when asked again.
 */
class RestrictedValueIndexTest {
    private static final List<String> VALUES = List.of("hiroshi.sato@example.com", "4012 8888 8888 1881", "ORD-4711", "abc");

    @Test
    void findsWhatTheRegexOfEachValueFinds() {
        RestrictedValueIndex index = new RestrictedValueIndex(VALUES);
        SplittableRandom r = new SplittableRandom(9);
        for (int t = 0; t < 300; t++) {
            String text = text(r);
            assertThat(spans(index.find(text))).as(text).isEqualTo(regexSpans(text));
        }
    }

    /**
     * Whatever the pattern finds (so what the decision layer calls a restricted value), the index masks, on the
     * hard texts of {@link RestrictedValuePatternTest}: uneven case mappings, supplementary letters, white space
     * the pattern skips and white space it does not, lone surrogates. A long s for an s or the Kelvin sign for a
     * K is the same letter to both.
     */
    @Test
    void masksAtLeastWhatThePatternFinds() {
        SplittableRandom r = new SplittableRandom(77);
        int matches = 0;
        for (int i = 0; i < 10_000; i++) {
            String text = RestrictedValuePatternTest.random(r, r.nextInt(0, 24));
            String value = r.nextBoolean() ? RestrictedValuePatternTest.random(r, r.nextInt(1, 6))
                    : RestrictedValuePatternTest.respaced(r, text);
            Pattern pattern = RestrictedValuePattern.of(value);
            if (pattern == null) continue;
            List<RestrictedValueIndex.Span> spans = new RestrictedValueIndex(List.of(value)).find(text);
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                int start = m.start();
                int end = m.end();
                matches++;
                assertThat(spans).as("value %s in text %s, match %d-%d", RestrictedValuePatternTest.escaped(value),
                        RestrictedValuePatternTest.escaped(text), start, end)
                        .anyMatch(span -> span.start() <= start && span.end() >= end);
            }
        }
        assertThat(matches).as("enough matches to mean something").isGreaterThan(2_000);
        assertThat(new RestrictedValueIndex(List.of("secret sauce")).find("the \u017Fecret \u017Fauce")).isNotEmpty();
        assertThat(new RestrictedValueIndex(List.of("KX-42")).find("ref \u212AX-42")).isNotEmpty();
    }

    @Test
    void aMaskedTextIsTheSameWhenMaskedAgain() {
        OutboundMask mask = new OutboundMask(java.util.Map.of("t1", VALUES), java.util.Map.of(),
                dev.evalbench.core.secret.KeyScrubber.none());
        String text = "Mail HIROSHI.SATO @example.com about ord-4711";
        String first = mask.text("t1", text);
        assertThat(first).isEqualTo("Mail [masked restricted value: HIRO •••• .com] about [masked restricted value: o •••• 1]");
        assertThat(mask.text("t2", text)).isEqualTo(first);
        assertThat(mask.text(null, "nothing here")).isEqualTo("nothing here");
    }

    /** Random pieces: values (spaced, cased), their prefixes (near misses) and filler. */
    private static String text(SplittableRandom r) {
        String[] pieces = {"hiroshi.sato@example.com", "HIROSHI.SATO@EXAMPLE.COM", "hiroshi.sat", "4012888888881881",
                "4012 8888 8888 1881", "4012 8888", "ord-4711", "O R D - 4 7 1 1", "ord-471", "ab", "ABC", " ", "x",
                "Dear customer, ", "•", "\u00A0"};
        StringBuilder sb = new StringBuilder();
        int parts = r.nextInt(1, 8);
        for (int i = 0; i < parts; i++) sb.append(pieces[r.nextInt(pieces.length)]);
        return sb.toString();
    }

    private static List<String> spans(List<RestrictedValueIndex.Span> spans) {
        return spans.stream().map(s -> s.start() + "-" + s.end()).toList();
    }

    /** Every value's matches by its pattern, merged where they overlap or touch, as the index merges them. */
    private static List<String> regexSpans(String text) {
        List<int[]> hits = new ArrayList<>();
        for (String v : VALUES) {
            Pattern p = RestrictedValuePattern.of(v);
            for (int from = 0; from < text.length(); from++) {
                Matcher m = p.matcher(text);
                if (m.find(from) && m.start() == from) hits.add(new int[] {m.start(), m.end()});
            }
        }
        hits.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        List<int[]> merged = new ArrayList<>();
        for (int[] h : hits) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && h[0] <= last[1]) last[1] = Math.max(last[1], h[1]);
            else merged.add(h.clone());
        }
        return merged.stream().map(h -> h[0] + "-" + h[1]).toList();
    }
}
