package dev.evalbench.core.provider.scripted;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.text.RequiredText;
import dev.evalbench.workspaces.SupportTriageWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A scripted rule is passed over by the texts its pattern needs only where the regex could not have matched: the
 * texts read off a pattern, the patterns that give none, and the same rule answering every message with the test
 * as without it, for every scripted model the sample workspaces ship, on their own messages and on made-up ones.
 */
class RequiredTextTest {

    @Test
    void theTextsAreTheRunsEveryMatchHolds() {
        assertThat(texts("(?i)system prompt|hidden instructions|everything above this line"))
                .containsExactly("system prompt", "hidden instructions", "everything above this line");
        assertThat(texts("(?i)\\bBackwards\\b|spell out my")).containsExactly("backwards", "spell out my");
        // A group, an optional letter or a class breaks a run; the longest run left is the one kept.
        assertThat(texts("(?i)skip (?:the )?verification|without (?:any )?verification"))
                .containsExactly("verification", "verification");
        assertThat(texts("colou?r chart")).containsExactly("r chart");
        assertThat(texts("(?i)one-star|post (?:about [\\w ]+ )?everywhere")).containsExactly("one-star", "everywhere");
        assertThat(texts("refund \\$\\d+ now")).containsExactly("refund $");
        // A group that must match once gives each of its alternatives' texts, where no run is long enough or the
        // group's shortest text is longer than the run; a quantified group, a look-around or a short text gives none.
        assertThat(texts("(?i)(?:Charged|billed|paid)\\b[^.]{0,40}?\\b2x|double charge"))
                .containsExactly("charged", "billed", "paid", "double charge");
        assertThat(texts("\\b(?:of|for) (?:the |this )?(?:customer|person|buyer)\\b"))
                .containsExactly("customer", "person", "buyer");
        assertThat(texts("(?:never|did(?:n.?t| not)) (?:order|buy)")).containsExactly("never", "did");
        assertThat(texts("(?<verb>broken|damaged) item")).containsExactly("broken", "damaged");
        assertThat(texts("(?<verb>broken|damaged) items here")).containsExactly(" items here");
        assertThat(texts("(?<verb>broken|damaged)[\\s\\S]*(?:refund|money back)")).containsExactly("broken", "damaged");
        assertThat(texts("(?:run|call)(?:ed)? the tool")).containsExactly(" the tool");
        // Without (?i) the case is kept; with it, ASCII letters fold and others stay.
        assertThat(texts("URGENT")).containsExactly("URGENT");
        assertThat(texts("(?i)Ärger")).containsExactly("Ärger");
    }

    @Test
    void noTestWhereAnAlternativeNeedsNoTextOrThePatternIsNotReadHere() {
        for (String regex : List.of("(?i)refund|\\d{5}", "ab|cd", "(?i)refund|", "(?s)refund", "(?i)refund(?-i)now",
                "(?iu)refund", "\\Qrefund\\E", "(?x)refund now", "\\p{L}+ refund", "(?>refund)", "refund\\b?x",
                "\\0101BCDEFGH", "(re)\\12345678", "\\x41BCDEFG", "(?:refund|money back)?", "(?:refund|money back)+ x",
                "(?=refund)\\w+", "(?!refund)\\w+", "(?<=refund)\\w+", "(?<!refund)\\w+", "(?:refund|no)\\w", "(?:refund|\\w+)",
                "(?:(?i)refund|money)", "(?:refund|(?i:money))", "(?:\\Qrefund\\E|money back)", "(?:refund|(back)\\1)")) {
            assertThat(RequiredText.of(regex)).as(regex).isEmpty();
        }
    }

    @Test
    void everyShippedModelAnswersItsOwnMessagesAsItsRegexesAlone() throws Exception {
        for (Path file : shippedModels()) {
            ScriptedModel model = ScriptedModel.parse(Files.readAllBytes(file), file.toString());
            for (String message : ownMessages()) {
                assertSameRule(model, message);
                assertSameRule(model, message.toUpperCase(Locale.ROOT));
                assertSameRule(model, message.toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * Messages made to sit on the edges: each rule's texts, in every case, cut short, split by a character,
     * between other rules' texts and with letters whose upper case is not ASCII.
     */
    @Test
    void everyShippedModelAnswersMadeUpMessagesAsItsRegexesAlone() throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        for (Path file : shippedModels()) {
            ScriptedModel model = ScriptedModel.parse(Files.readAllBytes(file), file.toString());
            List<String> pieces = new ArrayList<>(List.of("ORD-12345", "  * ORD-54321: cups (shipped)", "é", "ſ", "K", "İ",
                    "\n", " ", "refund $40", "call lookup_order", "a@b.example"));
            for (ScriptedRule rule : model.rules()) {
                RequiredText.of(rule.when().pattern()).ifPresent(t -> pieces.addAll(t.texts()));
                pieces.add(rule.when().pattern().replace("(?i)", "").replace("\\b", ""));
            }
            int tried = 0;
            for (int m = 0; m < 1500; m++) {
                StringBuilder message = new StringBuilder();
                int parts = 1 + random.nextInt(4);
                for (int p = 0; p < parts; p++) message.append(varied(pieces.get(random.nextInt(pieces.size())), random));
                assertSameRule(model, message.toString());
                tried++;
            }
            assertThat(tried).isEqualTo(1500);
        }
    }

    /**
     * Nearly all of the sample's rules give a test (59 of 62 when written: 48 by runs alone, eleven more by their
     * groups); without one a rule runs its regex as before.
     */
    @Test
    void theSampleRulesNearlyAllGiveATest() throws Exception {
        ScriptedModel model = ScriptedModel.parse(SupportTriageWorkspace.bytes("models/triage-rules.yaml"), "triage-rules.yaml");
        assertThat(model.rulesWithRequiredText()).isGreaterThanOrEqualTo(model.rules().size() * 9L / 10);
    }

    private static void assertSameRule(ScriptedModel model, String message) {
        assertThat(model.ruleFor(message, true).label()).as("%s on %s", model.file(), message)
                .isEqualTo(model.ruleFor(message, false).label());
    }

    private static List<String> texts(String regex) {
        Optional<RequiredText> t = RequiredText.of(regex);
        assertThat(t).as(regex).isPresent();
        return t.get().texts();
    }

    /** A piece as typed differently: case changed, cut short, or split by a space. */
    private static String varied(String piece, SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> piece.toUpperCase(Locale.ROOT);
            case 1 -> piece.length() > 1 ? piece.substring(0, piece.length() - 1) : piece;
            case 2 -> piece.length() > 2 ? piece.substring(0, piece.length() / 2) + " " + piece.substring(piece.length() / 2) : piece;
            case 3 -> " " + piece + " ";
            default -> piece;
        };
    }

    private static List<Path> shippedModels() throws Exception {
        List<Path> out = new ArrayList<>();
        try (var files = Files.newDirectoryStream(Path.of("workspaces"), Files::isDirectory)) {
            for (Path ws : files) {
                Path models = ws.resolve("models");
                if (!Files.isDirectory(models)) continue;
                try (var yaml = Files.newDirectoryStream(models, "*.yaml")) {
                    for (Path f : yaml) {
                        if (new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8).contains("rules:")) out.add(f);
                    }
                }
            }
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    /** The sample's user messages as its prompt renders them, tickets and probes. */
    private static List<String> ownMessages() {
        List<String> out = new ArrayList<>();
        for (String dataset : List.of("datasets/tickets.jsonl", "datasets/probes.jsonl")) {
            for (ObjectNode c : SupportTriageWorkspace.cases(dataset)) out.add(SupportTriageWorkspace.render(c).user());
        }
        assertThat(out).hasSizeGreaterThan(150);
        return out;
    }
}
