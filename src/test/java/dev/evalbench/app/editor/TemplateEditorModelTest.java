package dev.evalbench.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.fx.SameThreadTaskRunner;
import dev.evalbench.core.service.PromptParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's view model on a copy of the sample workspace, without a window. */
class TemplateEditorModelTest {
    static final String FILE = "prompts/triage.yaml";
    @TempDir Path temp;
    private Path ws;
    private TemplateEditorModel editor;

    @BeforeEach
    void open() {
        ws = dev.evalbench.cli.Cli.copySample(temp);
        editor = new TemplateEditorModel(new SameThreadTaskRunner(), ws, FILE, Map.of());
        editor.open();
    }

    private void type(String from, String to) {
        type(editor, from, to);
    }

    /** The author replaces {@code from} with {@code to} in {@code editor}'s text, and the editor analyses it. */
    static void type(TemplateEditorModel editor, String from, String to) {
        editor.textProperty().set(editor.textProperty().get().replace(from, to));
        editor.analyze();
    }

    @Test
    void opensTheFileWithTheCasesThatUseItAndPreviewsTheFirst() {
        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.textProperty().get()).startsWith("id: triage\nrevision: 4\n");
        assertThat(editor.cases()).extracting(CaseChoice::id).startsWith("t001", "t002").contains("p01");
        assertThat(editor.chosenCaseProperty().get().id()).isEqualTo("t001");
        assertThat(editor.previewProperty().get()).contains("── SYSTEM ──", "── USER ──", "New ticket via app.",
                "Name: Hiroshi Sato (new tier)");
        assertThat(editor.undefined()).isEmpty();
    }

    /**
     * The preview shows a case as the results' detail and the dataset do: its restricted values masked, as reports
     * and CI outputs show them, until revealed; another case starts masked again.
     */
    @Test
    void theChosenCasesRestrictedValuesAreMaskedInThePreviewUntilRevealed() {
        assertThat(editor.previewMaskedProperty().get()).isTrue();
        assertThat(editor.previewProperty().get()).contains("Email on file: [masked restricted value: hiro")
                .contains("Payment card on file: [masked restricted value: 4012")
                .doesNotContain("hiroshi.sato@example.com", "4012 8888 8888 1881");

        editor.revealPreview(true);
        assertThat(editor.previewProperty().get()).contains("Email on file: hiroshi.sato@example.com (confidential)",
                "Payment card on file: 4012 8888 8888 1881 (confidential)");

        editor.chosenCaseProperty().set(editor.cases().get(1));
        assertThat(editor.previewRevealedProperty().get()).isFalse();
        assertThat(editor.previewProperty().get()).contains("Email on file: [masked restricted value: ")
                .doesNotContainPattern("Email on file: [^\\[]");
    }

    /** The case selected in a run's results is previewed, before or after the cases are read; another prompt's is not. */
    @Test
    void previewsTheCaseSelectedInTheResultsWhenItIsOneOfItsCases() {
        editor.preferCase("safety", "p07");
        assertThat(editor.chosenCaseProperty().get().id()).isEqualTo("p07");
        editor.preferCase("reply-quality", "nothing-like-it");
        assertThat(editor.chosenCaseProperty().get().id()).as("not one of its cases: unchanged").isEqualTo("p07");

        TemplateEditorModel later = new TemplateEditorModel(new SameThreadTaskRunner(), ws, FILE, Map.of());
        later.preferCase("triage", "t019");
        later.open();
        assertThat(later.chosenCaseProperty().get().id()).as("asked before its cases were read").isEqualTo("t019");
        assertThat(later.previewProperty().get()).contains("The Apple Pay button does nothing on checkout.");
    }

    /**
     * A line left at the margin after the body's block is YAML, but a new key the workspace refuses: said while
     * typing, worded as validate words it, not after a revision is saved with it.
     */
    @Test
    void aKeyThePromptFileCannotHaveIsSaidWhileTyping() {
        assertThat(editor.fileProblemProperty().get()).isEmpty();
        String clean = editor.textProperty().get();
        editor.textProperty().set(clean + "Also say: the action\n");
        editor.analyze();
        assertThat(editor.fileProblemProperty().get()).startsWith("Line ")
                .contains(": unknown key \"Also say\" at the top level (expected one of: id, revision, changelog, "
                        + "output_schema, system, body)");
        type("changelog:", "changelg:");
        assertThat(editor.fileProblemProperty().get()).contains("(and 2 more)");

        editor.textProperty().set(clean);
        editor.analyze();
        assertThat(editor.fileProblemProperty().get()).isEmpty();
        // Broken YAML is said the same way, at its line.
        type("revision: 4", "revision: [4");
        assertThat(editor.fileProblemProperty().get()).startsWith("Line ").contains("YAML syntax error");
    }

    /**
     * A template part that does not parse is the file's problem whatever the case: said under the editor at the
     * file's line, as validate says it, while typing; closed, it is gone. Saved, the workspace could not run.
     */
    @Test
    void aTemplateSyntaxErrorIsSaidWhileTypingAtItsFileLine() {
        type("New ticket via {{ channel }}.", "New ticket via {{ channel .");
        assertThat(editor.fileProblemProperty().get())
                .matches("Line \\d+: body line \\d+: template syntax error: .*");
        int line = editor.problemLineProperty().get();
        assertThat(editor.textProperty().get().lines().skip(line - 1).findFirst().orElseThrow())
                .contains("New ticket via {{ channel .");

        type("New ticket via {{ channel .", "New ticket via {{ channel }}.");
        assertThat(editor.fileProblemProperty().get()).isEmpty();
        assertThat(editor.problemLineProperty().get()).isZero();
    }

    @Test
    void anUndefinedVariableIsMarkedWhereItIsAndTheFixClearsIt() {
        type("New ticket via {{ channel }}.", "New ticket via {{ channel }} for {{ nope }}.");
        assertThat(editor.isDirty()).isTrue();
        assertThat(editor.undefined()).singleElement().satisfies(u -> {
            assertThat(u.path()).isEqualTo("nope");
            assertThat(editor.textProperty().get().substring(u.start(), u.end())).isEqualTo("nope");
        });
        assertThat(editor.undefinedSummaryProperty().get()).startsWith("Not defined by any of the 159 cases: nope (line ");
        assertThat(editor.previewProperty().get()).contains("variable \"nope\" is not defined").doesNotContain("── USER ──");

        type(" for {{ nope }}", "");
        assertThat(editor.undefined()).isEmpty();
        assertThat(editor.undefinedSummaryProperty().get()).isEmpty();
        assertThat(editor.previewProperty().get()).contains("New ticket via app.");
    }

    /**
     * A syntax error is placed at the file's line, as the editor numbers its lines (it said "system line 5"), and
     * nothing is marked undefined: the text after a "{{" left open, up to a JSON example's "}}" lines below, is no
     * list of variables (every word of it was underlined).
     */
    @Test
    void aSyntaxErrorIsNamedAtTheLineTheEditorShowsAndMarksNoVariables() {
        type("The object has these fields:", "The object has these fields: {{ ticket.nope");
        String text = editor.textProperty().get();
        int line = text.substring(0, text.indexOf("{{ ticket.nope")).split("\n", -1).length;

        assertThat(editor.previewProperty().get()).startsWith("Cannot render for case t001: " + FILE + ":" + line + ": system line ")
                .contains(": template syntax error: \"{{\" is not closed");
        assertThat(editor.undefined()).isEmpty();
        assertThat(editor.undefinedSummaryProperty().get()).isEmpty();
    }

    @Test
    void choosingAnotherCaseRerendersThePreview() {
        editor.chosenCaseProperty().set(editor.cases().get(1));
        assertThat(editor.previewProperty().get()).contains("Eleanor Price");
    }

    @Test
    void saveAsksForAChangelogAndWritesRevisionFiveKeepingTheComments() throws Exception {
        editor.requestSave();
        assertThat(editor.askingChangelogProperty().get()).isFalse();
        assertThat(editor.noticeProperty().get()).contains("No unsaved edits");

        type("The customer wrote:", "The customer wrote this:");
        editor.requestSave();
        assertThat(editor.askingChangelogProperty().get()).isTrue();
        editor.save();
        assertThat(editor.noticeProperty().get()).contains("a changelog line is required");
        assertThat(Files.readString(ws.resolve(FILE))).contains("revision: 4\n");

        editor.changelogProperty().set("Say what the customer wrote");
        editor.save();
        String disk = Files.readString(ws.resolve(FILE));
        assertThat(disk).contains("revision: 5\n", "changelog: \"Say what the customer wrote\"\n",
                "The customer wrote this:", "# Lines end in text, not in a tag:");
        assertThat(PromptParts.parse(FILE, disk).body()).contains("The customer wrote this:");
        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.textProperty().get()).isEqualTo(disk);
        assertThat(editor.askingChangelogProperty().get()).isFalse();
    }

    /**
     * The workspace warns that a run used revision 4 with another text: Ctrl+S saves the text as it is as revision 5,
     * with a changelog line, though nothing was typed; without the warning it has nothing to save. A notice about no
     * edits goes once there are some.
     */
    @Test
    void aRevisionARunUsedWithAnotherTextIsSavedAsTheNextWithoutAnEdit() throws Exception {
        String before = Files.readString(ws.resolve(FILE));
        editor.requestSave();
        assertThat(editor.noticeProperty().get()).isEqualTo("No unsaved edits in " + FILE + ".");
        type("The customer wrote:", "The customer wrote this:");
        assertThat(editor.noticeProperty().get()).isEmpty();
        type("The customer wrote this:", "The customer wrote:");

        editor.revisionReusedProperty().set(true);
        editor.requestSave();
        assertThat(editor.askingChangelogProperty().get()).isTrue();
        editor.changelogProperty().set("The text edited outside, as its own revision");
        editor.save();

        String disk = Files.readString(ws.resolve(FILE));
        assertThat(disk).contains("revision: 5\n", "changelog: \"The text edited outside, as its own revision\"\n");
        assertThat(PromptParts.parse(FILE, disk).body()).isEqualTo(PromptParts.parse(FILE, before).body());
    }

    /**
     * The author types the next number by hand: the save keeps it (revision 5, not 6). A lower number typed over the
     * file's 5 is not reused either: the save gives 6, as history only grows.
     */
    @Test
    void aRevisionNumberTypedByHandIsKeptAndNeverGoesBack() throws Exception {
        type("revision: 4", "revision: 5");
        type("The customer wrote:", "The customer wrote this:");
        editor.requestSave();
        editor.changelogProperty().set("Say what the customer wrote");
        editor.save();
        assertThat(Files.readString(ws.resolve(FILE))).contains("revision: 5\n");
        assertThat(editor.noticeProperty().get()).isEqualTo("Saved revision 5 of " + FILE + ".");

        type("revision: 5", "revision: 3");
        type("The customer wrote this:", "The customer wrote:");
        editor.requestSave();
        editor.changelogProperty().set("Back to the old words");
        editor.save();
        assertThat(Files.readString(ws.resolve(FILE))).contains("revision: 6\n");
    }

    /**
     * A sentence typed at the margin between two paragraphs of the system prompt: not saved, in the words
     * {@code validate} and the Problems panel use for it (the line to indent), not SnakeYAML's "could not find
     * expected ':'" one line further down.
     */
    @Test
    void aLineAtTheMarginIsNotSavedAndIsNamedInValidatesWords() throws Exception {
        type("  after it, no code fences.\n\n", "  after it, no code fences.\nKeep it short.\n");
        String text = editor.textProperty().get();
        int line = (int) text.substring(0, text.indexOf("Keep it short.")).lines().count() + 1;
        editor.requestSave();
        editor.changelogProperty().set("Ask for short answers");
        editor.save();
        String words = FILE + ":" + line + ":1: YAML syntax error: this line is at the left margin between indented lines,"
                + " so it ends the block above it and the lines after it belong to nothing; indent it like them (2 spaces)";
        assertThat(editor.noticeProperty().get()).isEqualTo("Not saved: " + words);
        assertThat(Files.readString(ws.resolve(FILE))).contains("revision: 4\n").doesNotContain("Keep it short.");
        // The same text written by another editor: validate names it in the same words.
        Files.writeString(ws.resolve(FILE), text);
        var validate = dev.evalbench.cli.Cli.run("validate", ws.toString());
        assertThat(validate.err()).contains("error: " + words);
    }

    /**
     * A template part that does not parse (an unclosed {@code {{}) was saved as a revision, and the workspace then
     * could not run; it is refused as a YAML error is, in validate's words, and the file keeps its revision.
     */
    @Test
    void aTemplateThatDoesNotParseIsNotSavedAsARevision() throws Exception {
        type("The customer wrote:", "The customer wrote: {{ ticket");
        editor.requestSave();
        editor.changelogProperty().set("Quote the ticket");
        editor.save();
        assertThat(editor.noticeProperty().get()).startsWith("Not saved: " + FILE + ":");
        assertThat(Files.readString(ws.resolve(FILE))).contains("revision: 4\n").doesNotContain("{{ ticket\n");
        String notice = editor.noticeProperty().get().substring("Not saved: ".length());
        Files.writeString(ws.resolve(FILE), editor.textProperty().get());
        var validate = dev.evalbench.cli.Cli.run("validate", ws.toString());
        assertThat(validate.err()).as("the words validate says it in").contains("error: " + notice);
    }

    @Test
    void theGuardProceedsOnlyWhenTheEditsAreSavedOrDiscarded() throws Exception {
        AtomicInteger proceeded = new AtomicInteger();
        editor.guard(() -> { throw new AssertionError("nothing to ask"); }, proceeded::incrementAndGet);
        assertThat(proceeded).hasValue(1);

        type("The customer wrote:", "Wrote:");
        editor.guard(() -> TemplateEditorModel.GuardChoice.CANCEL, proceeded::incrementAndGet);
        assertThat(proceeded).hasValue(1);
        assertThat(editor.textProperty().get()).contains("Wrote:");

        editor.guard(() -> TemplateEditorModel.GuardChoice.SAVE, proceeded::incrementAndGet);
        assertThat(proceeded).as("no changelog yet: asked inline, not closed").hasValue(1);
        assertThat(editor.askingChangelogProperty().get()).isTrue();
        editor.changelogProperty().set("Shorter intro");
        editor.save();
        assertThat(proceeded).hasValue(2);
        assertThat(Files.readString(ws.resolve(FILE))).contains("Wrote:", "revision: 5\n");

        type("Wrote:", "Throwaway:");
        editor.guard(() -> TemplateEditorModel.GuardChoice.DISCARD, proceeded::incrementAndGet);
        assertThat(proceeded).hasValue(3);
        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.textProperty().get()).contains("Wrote:").doesNotContain("Throwaway:");
    }

    @Test
    void anOutsideEditReloadsACleanEditorAndKeepsUnsavedEdits() throws Exception {
        Path file = ws.resolve(FILE);
        Files.writeString(file, Files.readString(file).replace("The customer wrote:", "Outside edit:"));
        editor.diskChanged();
        assertThat(editor.textProperty().get()).contains("Outside edit:");
        assertThat(editor.isDirty()).isFalse();

        type("Outside edit:", "Mine:");
        Files.writeString(file, Files.readString(file).replace("Outside edit:", "Second outside edit:"));
        editor.diskChanged();
        assertThat(editor.textProperty().get()).contains("Mine:");
        assertThat(editor.isDirty()).isTrue();
        assertThat(editor.noticeProperty().get()).contains("changed on disk; your unsaved edits are kept");
    }
}
