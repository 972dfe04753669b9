package dev.evalbench.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every spelling of a configured key that reached a stored text before is scrubbed, and only those. */
class KeyScrubberTest {
    static final String KEY = "sk-proj-Zq81/x+Lm40pA7tr";
    final KeyScrubber keys = KeyScrubber.of(List.of(KEY));

    private void scrubbed(String text) {
        assertThat(keys.found(text)).as(text).isTrue();
        assertThat(keys.scrub(text)).contains(KeyScrubber.MARK).doesNotContain("Zq81").doesNotContain("x+Lm40");
    }

    @Test
    void theRawKey() {
        scrubbed("Incorrect API key provided: " + KEY + ".");
    }

    @Test
    void itsJsonEscapedForms() {
        scrubbed("{\"error\":\"" + KEY.chars().mapToObj(c -> String.format("\\u%04x", c)).collect(Collectors.joining()) + "\"}");
        scrubbed("{\"error\":\"" + KEY.chars().mapToObj(c -> String.format("\\u%04X", c)).collect(Collectors.joining()) + "\"}");
        scrubbed("{\"error\":\"" + KEY.replace("/", "\\/") + "\"}");
    }

    @Test
    void itsUrlEncodedForms() {
        scrubbed("GET /v1?key=" + URLEncoder.encode(KEY, StandardCharsets.UTF_8) + "&x=1");
        scrubbed("key=" + KEY.chars().mapToObj(c -> String.format("%%%02x", c)).collect(Collectors.joining()));
    }

    @Test
    void itsBase64AtEveryAlignment() {
        for (String prefix : List.of("", "u:", "user:", "Bearer ")) {
            String encoded = Base64.getEncoder().encodeToString((prefix + KEY + "!").getBytes(StandardCharsets.UTF_8));
            assertThat(keys.found("Authorization: Basic " + encoded)).as(prefix).isTrue();
            assertThat(keys.found(Base64.getUrlEncoder().encodeToString((prefix + KEY).getBytes(StandardCharsets.UTF_8)))).isTrue();
        }
    }

    @Test
    void anyTwelveCharactersOfIt() {
        scrubbed("the key starts " + KEY.substring(0, KEY.length() - 2));
        scrubbed("...middle " + KEY.substring(6, 18) + " end");
        assertThat(keys.found("sk-proj-Zq8 is eleven")).isFalse();
    }

    @Test
    void ordinaryTextAndShortKeysAreLeftAlone() {
        assertThat(keys.scrub("a normal answer about sk-proj keys")).isEqualTo("a normal answer about sk-proj keys");
        assertThat(KeyScrubber.of(List.of("abc")).scrub("abc abc")).isEqualTo("abc abc");
        assertThat(KeyScrubber.none().scrub(KEY)).isEqualTo(KEY);
    }

    /**
     * Every window of a text that is a fragment of a key is found, whatever surrounds it: 2,000 texts of random
     * characters (non-Latin ones among them) with fragments of the keys and of their base64 forms cut in at
     * random, scrubbed as a plain search of every window would scrub them.
     */
    @Test
    void everyFragmentIsFoundWhereverItSits() {
        List<String> configured = List.of(KEY, "ghp_7d3F9kQ2LmNx0pRt5VwYz8Ab", "AIzaSyD-3kQ9Xw_rT2mN");
        KeyScrubber scrubber = KeyScrubber.of(configured);
        java.util.Set<String> fragments = new java.util.HashSet<>();
        for (String key : configured) {
            java.util.Set<String> sources = new java.util.HashSet<>(KeyForms.base64Cores(key));
            sources.add(key);
            for (String source : sources) {
                for (int i = 0; i + KeyScrubber.FRAGMENT <= source.length(); i++) {
                    fragments.add(source.substring(i, i + KeyScrubber.FRAGMENT));
                }
            }
        }
        List<String> pieces = List.copyOf(fragments);
        List<String> forms = configured.stream().flatMap(k -> KeyForms.of(k).stream()).distinct()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(java.util.Comparator.naturalOrder()))
                .toList();
        String alphabet = "abcXYZ019-_/+= .\n\"é日😀";
        java.util.SplittableRandom r = new java.util.SplittableRandom(31);
        int withFragments = 0;
        for (int t = 0; t < 2_000; t++) {
            StringBuilder text = new StringBuilder();
            int parts = r.nextInt(1, 8);
            for (int p = 0; p < parts; p++) {
                if (r.nextInt(3) == 0) {
                    text.append(pieces.get(r.nextInt(pieces.size())));
                } else {
                    for (int c = r.nextInt(0, 20); c > 0; c--) text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, r.nextInt(alphabet.codePointCount(0, alphabet.length())))));
                }
            }
            String expected = everyWindowScrubbed(text.toString(), forms, fragments);
            assertThat(scrubber.scrub(text.toString())).as(text.toString()).isEqualTo(expected);
            if (!expected.equals(text.toString())) withFragments++;
        }
        assertThat(withFragments).as("texts with a fragment").isGreaterThan(800);
    }

    /** The keys' whole forms replaced first, longest first (as the scrubber does), then every window tested. */
    private static String everyWindowScrubbed(String text, List<String> forms, java.util.Set<String> fragments) {
        String out = text;
        for (String form : forms) out = out.replace(form, KeyScrubber.MARK);
        int n = out.length();
        boolean[] covered = new boolean[n];
        boolean any = false;
        for (int i = 0; i + KeyScrubber.FRAGMENT <= n; i++) {
            if (fragments.contains(out.substring(i, i + KeyScrubber.FRAGMENT))) {
                for (int j = i; j < i + KeyScrubber.FRAGMENT; j++) covered[j] = true;
                any = true;
            }
        }
        if (!any) return out;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; ) {
            if (covered[i]) {
                b.append(KeyScrubber.MARK);
                while (i < n && covered[i]) i++;
            } else {
                b.append(out.charAt(i++));
            }
        }
        return b.toString();
    }
}
