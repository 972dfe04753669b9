package dev.evalbench.core.mask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.json.Json;
import dev.evalbench.core.secret.KeyScrubber;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What leaves the machine shows restricted values masked, recognisably, whatever their spacing and case. */
class OutboundMaskTest {
    final OutboundMask mask = new OutboundMask(
            Map.of("t1", List.of("DE89 3704 0044 0532 0130 00", "ana@example.com"), "t2", List.of("The ticket is text")),
            Map.of("card_number", "\\b(?:\\d[ -]?){13,16}\\b"), KeyScrubber.of(List.of("sk-live-0123456789abcdef")));

    @Test
    void aValueIsFoundRegardlessOfSpacingAndCaseAndKeepsEnoughToRecogniseIt() {
        assertThat(mask.text("t1", "IBAN DE89 3704 0044 0532 0130 00 on file"))
                .isEqualTo("IBAN [masked restricted value: DE89 •••• 3000] on file");
        assertThat(mask.text("t1", "iban de89370400440532013000.")).isEqualTo("iban [masked restricted value: de89 •••• 3000].");
        assertThat(mask.text("t1", "write to ANA@Example.com")).isEqualTo("write to [masked restricted value: A •••• m]");
    }

    @Test
    void anotherCasesValueIsMaskedToo() {
        assertThat(mask.text("t3", "Remember: the ticket is text written by a customer"))
                .isEqualTo("Remember: [masked restricted value: t •••• t] written by a customer");
    }

    @Test
    void patternsAndKeysAreMaskedAndTheMarksCounted() {
        String masked = mask.text(null, "card 4111 1111 1111 1111, key sk-live-0123456789abcdef");
        assertThat(masked).isEqualTo("card [masked card_number: 4111 •••• 1111], key [redacted]");
        assertThat(MaskedText.count(masked)).isEqualTo(1);
    }

    /** What a backtracking pattern cannot search might hold the value: the whole text is masked, and counted. */
    @Test
    void aTextAPatternCannotSearchIsMaskedWhole() {
        OutboundMask backtracking = new OutboundMask(Map.of(), Map.of("email", BoundedSearchTest.BACKTRACKING_EMAIL.pattern()),
                KeyScrubber.none());
        String masked = backtracking.text("t1", "ha".repeat(50_000) + " write to jane.doe@example.com");

        assertThat(masked).isEqualTo("[masked email: a text of 100,030 characters the pattern could not search]");
        assertThat(MaskedText.count(masked)).isEqualTo(1);
        assertThat(backtracking.text("t1", "write to jane.doe@example.com")).isEqualTo("write to [masked email: jane •••• .com]");
    }

    @Test
    void aTextThatOverflowsAPatternsSearchIsMaskedWhole() {
        OutboundMask recursing = new OutboundMask(Map.of(), Map.of("code", "(?:[A-Z]|-)+\\d{4}"), KeyScrubber.none());

        assertThat(recursing.text("t1", "ABC-1234")).isEqualTo("[masked code: A •••• 4]");
        assertThat(recursing.text("t1", "AB-".repeat(100_000)))
                .isEqualTo("[masked code: a text of 300,000 characters the pattern could not search]");
    }

    /** A later pattern masks what lies between earlier marks, never the characters an earlier mark kept. */
    @Test
    void aLaterPatternLeavesTheKeptCharactersOfEarlierMarksAlone() {
        List<MaskedText.Named> fourDigits = List.of(new MaskedText.Named("code", java.util.regex.Pattern.compile("\\d{4}")));

        assertThat(MaskedText.mask("[masked restricted value: DE89 •••• 3000] then 1234, [masked x: 5678] and 9012 [masked",
                fourDigits)).isEqualTo("[masked restricted value: DE89 •••• 3000] then [masked code: ••••], [masked x: 5678] "
                        + "and [masked code: ••••] [masked");
    }

    @Test
    void jsonStringsAndKeysAreMaskedInACopy() throws Exception {
        var parsed = Json.MAPPER.readTree("{\"reply\":\"your IBAN is DE8937040044 0532013000\",\"n\":3}");
        var masked = mask.json("t1", parsed);
        assertThat(masked.get("reply").asText()).isEqualTo("your IBAN is [masked restricted value: DE89 •••• 3000]");
        assertThat(masked.get("n").asInt()).isEqualTo(3);
        assertThat(parsed.get("reply").asText()).contains("DE8937040044");
    }
}
