package dev.evalbench.app.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.run.CaseRecords;
import dev.evalbench.core.secret.KeyScrubber;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.evalbench.app.QuickRobot;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The workbench shows a case's restricted values masked, as reports do, and reveals them on request. */
@dev.evalbench.app.SharesFxToolkit
class RevealableDetailTest {
    private final FxRobot robot = QuickRobot.create();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /**
     * Another case's restricted value is masked in this case's texts too (the starter's probe s03 restricts a sentence
     * of the system prompt, and every case's preview shows it masked), and the notice says so: it read "Restricted
     * values of this case are masked".
     */
    @Test
    void anotherCasesRestrictedValueIsMaskedHereTooAndTheNoticeSaysAnyCases() {
        CaseRecord shown = CaseRecords.sample("r1", "triage", "t001", true, 40); // its output names ORD-10421
        OutboundMask mask = new OutboundMask(Map.of("t999", List.of("ord-10421")), Map.of(), KeyScrubber.of(List.of()));
        AtomicReference<RevealableDetail> detail = new AtomicReference<>();
        robot.interact(() -> detail.set(new RevealableDetail(shown, mask, null)));

        assertThat(rawOutput(detail.get())).doesNotContain("ORD-10421").contains("masked");
        assertThat(detail.get().lookupAll(".label").stream().map(n -> ((javafx.scene.control.Label) n).getText()).toList())
                .contains("Restricted values (any case's) and patterns are masked, as in reports and CI outputs.");
    }

    @Test
    void aRestrictedValueInTheOutputIsMaskedUntilRevealedAndMaskedAgain() {
        CaseRecord leaked = CaseRecords.sample("r1", "triage", "t001", true, 40); // its output names ORD-10421
        OutboundMask mask = new OutboundMask(Map.of("t001", List.of("ord-10421")), Map.of(), KeyScrubber.of(List.of()));
        AtomicReference<RevealableDetail> detail = new AtomicReference<>();
        robot.interact(() -> detail.set(new RevealableDetail(leaked, mask, null)));

        assertThat(rawOutput(detail.get())).doesNotContain("ORD-10421").contains("masked");
        Button toggle = (Button) detail.get().lookup("#reveal-restricted");
        assertThat(toggle.getText()).isEqualTo("Reveal");

        robot.interact(toggle::fire);
        assertThat(rawOutput(detail.get())).contains("ORD-10421");
        assertThat(toggle.getText()).isEqualTo("Mask");

        robot.interact(toggle::fire);
        assertThat(rawOutput(detail.get())).doesNotContain("ORD-10421");
    }

    @Test
    void theInputVariablesAreMaskedWithTheRecordAndRevealedWithIt() throws Exception {
        // Nothing restricted in the output: the case's e-mail address is only in its dataset line.
        CaseRecord plain = CaseRecords.sample("r1", "triage", "t003", true, 40);
        OutboundMask mask = new OutboundMask(Map.of("t003", List.of("wendy.marsh@example.org")), Map.of(),
                KeyScrubber.of(List.of()));
        com.fasterxml.jackson.databind.JsonNode vars = dev.evalbench.core.json.Json.MAPPER.readTree(
                "{\"ticket\": \"Where is my order?\", \"customer\": {\"email\": \"wendy.marsh@example.org\"}}");
        AtomicReference<RevealableDetail> detail = new AtomicReference<>();
        robot.interact(() -> detail.set(new RevealableDetail(plain, mask, vars)));

        assertThat(shown(detail.get(), "#detail-vars")).doesNotContain("wendy.marsh@example.org").contains("masked")
                .contains("Where is my order?");
        Button toggle = (Button) detail.get().lookup("#reveal-restricted");
        assertThat(toggle).as("something was masked, so it can be revealed").isNotNull();
        robot.interact(toggle::fire);
        assertThat(shown(detail.get(), "#detail-vars")).contains("wendy.marsh@example.org");
        robot.interact(toggle::fire);
        assertThat(shown(detail.get(), "#detail-vars")).doesNotContain("wendy.marsh@example.org");
    }

    /**
     * A case without an answer says why under its verdict, not only at the foot of the Call section: the first attempt
     * that failed, masked as the rest of the pane until revealed (a provider's error may quote the request).
     */
    @Test
    void aCaseWithoutAnAnswerSaysWhyUnderItsVerdictMasked() {
        CaseRecord failed = CaseRecords.builder("r1", "triage", "t002").route("openai")
                .failure(dev.evalbench.core.record.FailureKind.CLIENT_ERROR).build();
        com.fasterxml.jackson.databind.node.ObjectNode tree = dev.evalbench.core.json.Json.MAPPER.valueToTree(failed);
        tree.set("attempts", dev.evalbench.core.json.Json.MAPPER.valueToTree(List.of(new dev.evalbench.core.record.Attempt(
                "openai", 1, "CLIENT_ERROR", 400, 9, "invalid request: ORD-10421 is not a valid message"))));
        CaseRecord echoed = dev.evalbench.core.json.Json.MAPPER.convertValue(tree, CaseRecord.class);
        OutboundMask mask = new OutboundMask(Map.of("t002", List.of("ord-10421")), Map.of(), KeyScrubber.of(List.of()));
        AtomicReference<RevealableDetail> detail = new AtomicReference<>();
        robot.interact(() -> detail.set(new RevealableDetail(echoed, mask, null)));

        javafx.scene.control.Label why = (javafx.scene.control.Label) ((CaseDetailView) detail.get().getCenter()).getContent()
                .lookup("#detail-failures");
        assertThat(why.getText()).contains("• Why no answer: attempt 1 on route openai: CLIENT_ERROR (HTTP 400): invalid request: ")
                .doesNotContain("ORD-10421");
        robot.interact(((Button) detail.get().lookup("#reveal-restricted"))::fire);
        assertThat(why.getText()).contains("invalid request: ORD-10421 is not a valid message");
    }

    /**
     * The pane's texts cannot be selected (plain text nodes, for speed): each section's button copies what it shows,
     * masked until revealed. A section that shows no text has nothing to copy.
     */
    @Test
    void eachTextSectionCopiesWhatItShowsMaskedUntilRevealed() {
        CaseRecord leaked = CaseRecords.sample("r1", "triage", "t001", true, 40);
        OutboundMask mask = new OutboundMask(Map.of("t001", List.of("ord-10421")), Map.of(), KeyScrubber.of(List.of()));
        AtomicReference<RevealableDetail> detail = new AtomicReference<>();
        robot.interact(() -> detail.set(new RevealableDetail(leaked, mask, null)));
        CaseDetailView view = (CaseDetailView) detail.get().getCenter();

        robot.interact(() -> copy(view, "#detail-raw-copy").fire());
        assertThat(clipboard()).isEqualTo(rawOutput(detail.get())).contains("masked").doesNotContain("ORD-10421");

        robot.interact(((Button) detail.get().lookup("#reveal-restricted"))::fire);
        robot.interact(() -> copy(view, "#detail-raw-copy").fire());
        assertThat(clipboard()).isEqualTo(leaked.rawOutput());

        robot.interact(() -> copy(view, "#detail-prompt-copy").fire());
        assertThat(clipboard()).startsWith("[system]").isEqualTo(shown(detail.get(), "#detail-prompt"));
        robot.interact(() -> copy(view, "#detail-call-copy").fire());
        assertThat(clipboard()).startsWith("latency 40 ms").contains("trace id");
        assertThat(copy(view, "#detail-vars-copy").isDisabled()).as("no dataset at hand: no variables shown").isTrue();
    }

    /**
     * An imported request captured with its template's variables and not its messages: the variables read as YAML,
     * and the prompt's section says it was not recorded (it was an empty box with a copy button).
     */
    @Test
    void anImportedRequestWithoutMessagesSaysSoWhereThePromptWouldBe() throws Exception {
        String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("workspaces/support-triage/traffic/control.jsonl")).get(0);
        dev.evalbench.core.traffic.TrafficRequest request = dev.evalbench.core.otlp.Captures.parse("control.jsonl", line).requests().get(0);
        CaseRecord imported = dev.evalbench.core.traffic.TrafficRecords.record("r1", request, "capture-sha", "test");
        OutboundMask nothing = new OutboundMask(Map.of(), Map.of(), KeyScrubber.of(List.of()));
        AtomicReference<RevealableDetail> detail = new AtomicReference<>();
        robot.interact(() -> detail.set(new RevealableDetail(imported, nothing, request.vars())));
        CaseDetailView view = (CaseDetailView) detail.get().getCenter();

        assertThat(imported.messages()).isEmpty();
        assertThat(shown(detail.get(), "#detail-prompt-none")).isEqualTo("not recorded for this case");
        assertThat(copy(view, "#detail-prompt-copy").isDisabled()).isTrue();
        assertThat(shown(detail.get(), "#detail-vars")).startsWith("channel: app\nticket: cancelled my order");
    }

    /** A 1 MB output (a model repeating itself) is laid out clipped; its copy button copies it whole. */
    @Test
    void aHugeOutputIsShownClippedAndCopiedWhole() {
        String huge = "{\"note\": \"" + "all work and no play ".repeat(50_000) + "\"}";
        CaseRecord r = dev.evalbench.core.compare.RecordEdits.withOutput(CaseRecords.sample("r1", "triage", "t003", true, 40), huge);
        OutboundMask mask = new OutboundMask(Map.of(), Map.of(), KeyScrubber.of(List.of()));
        AtomicReference<RevealableDetail> detail = new AtomicReference<>();
        robot.interact(() -> detail.set(new RevealableDetail(r, mask, null)));
        CaseDetailView view = (CaseDetailView) detail.get().getCenter();

        String shown = rawOutput(detail.get());
        assertThat(shown).hasSizeLessThan(100_200).startsWith(huge.substring(0, 1000))
                .endsWith(String.format(java.util.Locale.ROOT, "… (clipped here: %,d characters in all; the copy button copies them all)", huge.length()));
        robot.interact(() -> copy(view, "#detail-raw-copy").fire());
        assertThat(clipboard()).isEqualTo(huge);
    }

    private static Button copy(CaseDetailView view, String id) {
        return (Button) view.getContent().lookup(id);
    }

    private String clipboard() {
        java.util.concurrent.atomic.AtomicReference<String> text = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> text.set(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        return text.get();
    }

    @Test
    void aCaseWithNothingRestrictedShowsNoRevealButton() {
        CaseRecord plain = CaseRecords.sample("r1", "triage", "t002", true, 40);
        OutboundMask mask = new OutboundMask(Map.of("t002", List.of("DE89 3704 0044 0532 0130 00")), Map.of(),
                KeyScrubber.of(List.of()));
        AtomicReference<RevealableDetail> detail = new AtomicReference<>();
        robot.interact(() -> detail.set(new RevealableDetail(plain, mask, null)));
        assertThat(detail.get().lookup("#reveal-restricted")).isNull();
        assertThat(rawOutput(detail.get())).contains("ORD-10421");
    }

    @Test
    void aCaseWithoutAnAnswerSaysWhyAndHasNothingToParse() {
        CaseRecord refused = CaseRecords.builder("r1", "triage", "t002")
                .failure(dev.evalbench.core.record.FailureKind.CONNECTION).build();
        OutboundMask mask = new OutboundMask(Map.of(), Map.of(), KeyScrubber.of(List.of()));
        AtomicReference<RevealableDetail> detail = new AtomicReference<>();
        robot.interact(() -> detail.set(new RevealableDetail(refused, mask, null)));

        assertThat(shown(detail.get(), "#detail-raw-none")).startsWith("No answer: CONNECTION");
        assertThat(shown(detail.get(), "#detail-parsed-none")).as("not 'not JSON': there was no text").isEqualTo("no output to parse");
    }

    private static String rawOutput(RevealableDetail detail) {
        return shown(detail, "#detail-raw");
    }

    private static String shown(RevealableDetail detail, String section) {
        detail.applyCss();
        return ShownText.of(((CaseDetailView) detail.getCenter()).getContent().lookup(section));
    }
}
