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
}
