package dev.evalbench.core.mask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A policy pattern is passed over only for a text it cannot match: masking with the test gives exactly what the
 * regex alone gives, for every restricted pattern the sample workspaces ship (and a backtracking one), on texts
 * with and without what the patterns need.
 */
class PassedOverPatternsTest {

    @Test
    void anEmailPatternNeedsAnAtSign() {
        MaskedText.Named email = new MaskedText.Named("email", shippedPatterns().stream()
                .filter(p -> p.name().equals("email")).findFirst().orElseThrow().pattern());

        assertThat(email.required()).isNotNull();
        assertThat(email.required().texts()).containsExactly("@");
        assertThat(MaskedText.mask("write to jane.doe@example.com today", List.of(email)))
                .isEqualTo("write to [masked email: jane •••• .com] today");
        // A card number's digits may be spaced or not: nothing every match holds, so the regex always runs.
        assertThat(new MaskedText.Named("card", Pattern.compile("\\b(?:\\d[ -]?){13,16}\\b")).required()).isNull();
    }

    @Test
    void maskingWithTheTestEqualsMaskingWithTheRegexAlone() {
        List<MaskedText.Named> patterns = new ArrayList<>(shippedPatterns());
        patterns.add(new MaskedText.Named("backtracking", BoundedSearchTest.BACKTRACKING_EMAIL));
        patterns.add(new MaskedText.Named("ref", Pattern.compile("(?i)ref(?:und)?-\\d{4}")));
        SplittableRandom random = new SplittableRandom(30);
        int passedOver = 0;
        for (int i = 0; i < 4_000; i++) {
            String text = text(random);
            for (MaskedText.Named named : patterns) {
                MaskedText.Named regexAlone = new MaskedText.Named(named.name(), named.pattern(), null);
                assertThat(MaskedText.mask(text, List.of(named))).as(named.name() + " on " + text)
                        .isEqualTo(MaskedText.mask(text, List.of(regexAlone)));
                if (named.required() != null && !named.required().mayMatch(text)) passedOver++;
            }
        }
        assertThat(passedOver).as("texts the test passed over").isGreaterThan(1_000);
    }

    /** The restricted patterns of every workspace under workspaces/, as their policies write them. */
    private static List<MaskedText.Named> shippedPatterns() {
        List<MaskedText.Named> out = new ArrayList<>();
        try (var dirs = Files.newDirectoryStream(Path.of("workspaces"), Files::isDirectory)) {
            for (Path ws : dirs) {
                Path policy = ws.resolve("policy.yaml");
                if (!Files.isRegularFile(policy)) continue;
                for (JsonNode p : new YAMLMapper().readTree(policy.toFile()).path("restricted_patterns")) {
                    out.add(new MaskedText.Named(p.path("name").asText(), Pattern.compile(p.path("regex").asText())));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(out).as("the samples' restricted patterns").isNotEmpty();
        return out;
    }

    /** Pieces that match, nearly match, or hold what a pattern needs in the wrong place. */
    private static String text(SplittableRandom r) {
        String[] pieces = {"jane.doe@example.com", "a@b", "@", "x@y.z", "user at example dot com", " ", "\n", "Ticket 1234",
            "4111 1111 1111 1111", "4111-1111-1111-1111", "DE89 3704 0044 0532 0130 00", "REF-2024", "refund-1234", "Ref-12",
            "é", "İ", "K", "😀", "[masked email: j •••• .com]", "mail: @example.com", "name@", "ORD-10045", "...", "."};
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) sb.append(pieces[r.nextInt(pieces.length)]).append(r.nextBoolean() ? " " : "");
        return sb.toString();
    }
}
