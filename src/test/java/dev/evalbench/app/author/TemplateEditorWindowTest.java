package dev.evalbench.app.author;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;

/**
 * The template editor's aids, in the real window: a template broken while typing is said under the editor at its
 * line before any save, that line tinted, a click on the message takes the caret there and the fix (Ctrl+Z) clears
 * both; Ctrl+F finds in the text and tints the other occurrences; "Run case" runs the preview case alone.
 */
@dev.evalbench.app.SharesFxToolkit
class TemplateEditorWindowTest extends TriageWindowTestBase {

    @Test
    void aBrokenTagIsSaidAtItsLineWhichIsTintedAndOneClickAway() throws Exception {
        CodeArea area = openTriage();
        waitFor(10, TimeUnit.SECONDS, () -> area.getScene() != null && area.getScene().getFocusOwner() == area);
        caretAfter(area, "New ticket via");
        robot.write(" {{ oops");
        int brokenLine = FxWait.read(() -> area.getCurrentParagraph()) + 1;

        Label problem = robot.lookup("#file-problem").queryAs(Label.class);
        waitFor(10, TimeUnit.SECONDS, () -> problem.isVisible() && problem.getText().contains("template syntax error"));
        assertThat(FxWait.read(problem::getText)).startsWith("Line " + brokenLine + ": body line ");
        assertThat(tintedLines(area)).containsExactly(brokenLine);
        assertThat(FxWait.read(() -> area.getText())).as("nothing saved").contains("revision: 4\n");

        robot.interact(() -> area.moveTo(0));
        robot.clickOn(problem);
        waitFor(5, TimeUnit.SECONDS, () -> area.getCurrentParagraph() + 1 == brokenLine);

        robot.clickOn(area).push(KeyCode.CONTROL, KeyCode.Z);
        waitFor(10, TimeUnit.SECONDS, () -> !problem.isVisible() && !area.getText().contains("oops"));
        assertThat(tintedLines(area)).isEmpty();
    }

    /**
     * Saving a text that will not render is asked about in words where the changelog is typed (it saved silently, and
     * the next run was refused); Esc leaves it unsaved, and a text that renders is saved with no such line.
     */
    @Test
    void savingATextThatWillNotRenderIsWarnedOfWhereTheChangelogIsAsked() throws Exception {
        CodeArea area = openTriage();
        waitFor(10, TimeUnit.SECONDS, () -> area.getScene() != null && area.getScene().getFocusOwner() == area);
        caretAfter(area, "New ticket via {{ channel }}");
        robot.write(" {{ nope }}");
        Label summary = robot.lookup("#undefined-summary").queryAs(Label.class);
        waitFor(10, TimeUnit.SECONDS, () -> summary.isVisible() && summary.getText().contains("nope"));

        robot.push(KeyCode.CONTROL, KeyCode.S);
        dev.evalbench.app.FxWait.waitUntilShown(robot, "#changelog", 5, TimeUnit.SECONDS);
        Label warning = robot.lookup("#changelog-warning").queryAs(Label.class);
        assertThat(FxWait.read(() -> warning.isVisible() ? warning.getText() : "")).isEqualTo("This revision will not render: "
                + "not defined by any of the 159 cases: nope (line 68). Runs refuse the workspace until it does; save it anyway,"
                + " or Cancel and mend it.");
        robot.clickOn("#changelog").push(KeyCode.ESCAPE);
        waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#changelog-bar").query().isVisible());
        assertThat(java.nio.file.Files.readString(fixture.workspace.resolve("prompts/triage.yaml"))).as("nothing saved")
                .doesNotContain("nope");

        caretAfter(area, "New ticket via {{ channel }} {{ nope }}");
        for (int i = 0; i < " {{ nope }}".length(); i++) robot.push(KeyCode.BACK_SPACE);
        caretAfter(area, "The customer wrote:");
        robot.write(" (verbatim)");
        waitFor(10, TimeUnit.SECONDS, () -> !summary.isVisible());
        robot.push(KeyCode.CONTROL, KeyCode.S);
        dev.evalbench.app.FxWait.waitUntilShown(robot, "#changelog", 5, TimeUnit.SECONDS);
        assertThat(FxWait.read(warning::isVisible)).as("the text renders").isFalse();
    }

    /**
     * Ctrl+F finds in a template (it did nothing there): selected as typed, ignoring case, the other occurrences
     * tinted, Enter on and Shift+Enter back, wrapping, "2 of N" beside; Esc gives the text the keyboard, the
     * occurrence still selected, and takes the tints away.
     */
    @Test
    void ctrlFFindsInTheTemplateAndEnterWalksTheOccurrences() throws Exception {
        CodeArea area = openTriage();
        waitFor(10, TimeUnit.SECONDS, () -> area.getScene() != null && area.getScene().getFocusOwner() == area);
        String text = FxWait.read(() -> area.getText());
        java.util.List<Integer> starts = java.util.regex.Pattern.compile("(?i)customer").matcher(text).results()
                .map(java.util.regex.MatchResult::start).toList();
        assertThat(starts).hasSizeGreaterThan(2);

        robot.push(KeyCode.CONTROL, KeyCode.F);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#find-field").query().isFocused());
        robot.write("CUSTOMER");
        Label count = robot.lookup("#find-count").queryAs(Label.class);
        waitFor(5, TimeUnit.SECONDS, () -> count.getText().equals("1 of " + starts.size())
                && area.getSelection().getStart() == starts.get(0) && area.getSelectedText().equalsIgnoreCase("customer"));
        assertThat(tinted(area, starts)).as("all but the selected one")
                .containsExactlyElementsOf(starts.subList(1, starts.size()));
        assertThat(FxWait.read(() -> area.getStyleOfChar(starts.get(1) + 1))).as("over the highlighting")
                .hasSizeGreaterThan(0);
        // Drawn: the theme's tint behind the text (editor.css), not only a style class in the text's model.
        robot.interact(() -> area.showParagraphAtTop(
                area.offsetToPosition(starts.get(1), org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor()));
        waitFor(5, TimeUnit.SECONDS, () -> {
            var drawn = robot.lookup("#template-code .text.find-match").queryAll();
            return !drawn.isEmpty()
                    && drawn.stream().allMatch(t -> ((org.fxmisc.richtext.TextExt) t).getBackgroundColor() != null);
        });
        robot.push(KeyCode.ENTER);
        waitFor(5, TimeUnit.SECONDS, () -> count.getText().equals("2 of " + starts.size())
                && area.getSelection().getStart() == starts.get(1));
        robot.push(KeyCode.SHIFT, KeyCode.ENTER).push(KeyCode.SHIFT, KeyCode.ENTER);
        waitFor(5, TimeUnit.SECONDS, () -> count.getText().equals(starts.size() + " of " + starts.size())
                && area.getSelection().getStart() == starts.get(starts.size() - 1));
        robot.write("!");
        waitFor(5, TimeUnit.SECONDS, () -> count.getText().equals("No match"));
        robot.push(KeyCode.BACK_SPACE).push(KeyCode.ESCAPE);
        waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#find-bar").query().isVisible() && area.isFocused()
                && area.getSelectedText().equalsIgnoreCase("customer"));
        assertThat(FxWait.read(() -> area.getText())).as("finding edits nothing").isEqualTo(text);
        assertThat(tinted(area, starts)).isEmpty();

        // F3 from the text: the next occurrence of what was found last (past the last: the first), the bar back to say
        // so, the keyboard still in the text; Shift+F3 back; Esc in the text closes the bar.
        robot.push(KeyCode.F3);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#find-bar").query().isVisible()
                && count.getText().equals("1 of " + starts.size()) && area.getSelection().getStart() == starts.get(0));
        assertThat(FxWait.read(area::isFocused)).isTrue();
        robot.push(KeyCode.SHIFT, KeyCode.F3);
        waitFor(5, TimeUnit.SECONDS, () -> count.getText().equals(starts.size() + " of " + starts.size()));
        robot.push(KeyCode.ESCAPE);
        waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#find-bar").query().isVisible() && area.isFocused());
        assertThat(FxWait.read(() -> area.getText())).isEqualTo(text);
    }

    /** Which of {@code starts} the editor shows tinted as a find bar's occurrence. */
    private List<Integer> tinted(CodeArea area, List<Integer> starts) throws Exception {
        return FxWait.read(() -> starts.stream().filter(at -> area.getStyleOfChar(at + 1).contains("find-match")).toList());
    }


    /**
     * "Run case" runs the template's preview case alone, on the routes chosen in the tool bar: a run of that one case
     * (its results open with one row, shown in the detail), stored with the suite and the case asked for; Ctrl+Enter in
     * the text does the same, and types nothing.
     */
    @Test
    void runCaseRunsThePreviewCaseAloneAndCtrlEnterDoesTheSame() throws Exception {
        // With no template or dataset in front, Ctrl+Enter says what it runs, and runs nothing.
        robot.clickOn(treeCell("triage.yaml  r4")).push(KeyCode.CONTROL, KeyCode.ENTER);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#status-message").queryAs(Label.class).getText()
                .equals("Nothing to run here: Ctrl+Enter runs the preview case of the template shown, or the case"
                        + " selected in a dataset's tab."));
        assertThat(runs()).isEmpty();
        CodeArea area = openTriage();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<dev.evalbench.app.editor.CaseChoice> cases =
                robot.lookup("#preview-case").queryAs(javafx.scene.control.ComboBox.class);
        waitFor(10, TimeUnit.SECONDS, () -> cases.getItems().stream().anyMatch(c -> c.id().equals("t019")));
        // Chosen by typing its id on the box, as in a file list (a dataset has too many cases to scroll for one).
        robot.interact(cases::requestFocus);
        robot.write("t019");
        waitFor(5, TimeUnit.SECONDS, () -> cases.getValue() != null && cases.getValue().id().equals("t019"));
        String text = FxWait.read(() -> area.getText());

        robot.clickOn("#editor-run-case");
        // The history is read on this thread: the FX thread reads no files, in a test's waits either.
        org.testfx.util.WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs().size() == 1);
        waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#results-table").tryQuery().isPresent()
                && robot.lookup("#results-table").queryAs(javafx.scene.control.TableView.class).getItems().size() == 1);
        assertThat(runs().get(0).config().suites()).containsExactly("triage");
        assertThat(runs().get(0).config().caseIds()).containsExactly("t019");
        // Run to be read: the one case is shown in the detail pane without another click.
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#detail-title").tryQuery()
                .map(n -> ((Label) n).getText().equals("t019")).orElse(false));

        robot.clickOn(robot.lookup(".tab-label").match(n -> ((Label) n).getText().equals("triage.yaml")).queryAs(Label.class));
        robot.clickOn(area).push(KeyCode.CONTROL, KeyCode.ENTER);
        org.testfx.util.WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs().size() == 2);
        assertThat(runs().get(0).config().caseIds()).containsExactly("t019");
        assertThat(FxWait.read(() -> area.getText())).as("Ctrl+Enter types nothing").isEqualTo(text);
        // The case's second run takes the first one's results tab: one tab per case run alone, not one per run.
        String newest = runs().get(0).id();
        waitFor(30, TimeUnit.SECONDS, () -> ("results-tab-" + newest).equals(selectedTab().getId()));
        assertThat(FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream()
                .filter(t -> t.getText().startsWith("Results")).count())).isEqualTo(1);
    }

    /**
     * A case selected in a dataset's tab is the one the open template previews, as one selected in a run's results;
     * and it runs alone from there.
     */
    @Test
    void aCaseSelectedInTheDatasetIsTheOneTheTemplatePreviewsAndRunsAloneFromThere() throws Exception {
        openTriage();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<dev.evalbench.app.editor.CaseChoice> cases =
                robot.lookup("#preview-case").queryAs(javafx.scene.control.ComboBox.class);
        waitFor(10, TimeUnit.SECONDS, () -> cases.getValue() != null && cases.getValue().id().equals("t001"));
        dev.evalbench.app.DoubleClick.opening(robot, () -> treeCell("tickets.jsonl"),
                () -> selectedTab() != null && selectedTab().getText().startsWith("tickets.jsonl"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<dev.evalbench.app.dataset.DatasetRow> table =
                robot.lookup("#dataset-table").queryAs(javafx.scene.control.TableView.class);
        waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() > 20);
        robot.interact(() -> table.getSelectionModel().select(18));
        String id = FxWait.read(() -> table.getSelectionModel().getSelectedItem().id());
        assertThat(id).isEqualTo("t019");
        waitFor(5, TimeUnit.SECONDS, () -> cases.getValue().id().equals(id));
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#template-preview").queryTextInputControl().getText()
                .contains("The Apple Pay button does nothing"));

        // The table's menu (Shift+F10) runs the selected case alone, as the editor's Run case does; so does Ctrl+Enter.
        robot.interact(table::requestFocus);
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        FxWait.waitUntilShown(robot, "#dataset-run-case", 10, TimeUnit.SECONDS);
        robot.clickOn("#dataset-run-case");
        org.testfx.util.WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs().size() == 1);
        assertThat(runs().get(0).config().caseIds()).containsExactly("t019");
        waitFor(30, TimeUnit.SECONDS, () -> selectedTab().getText().startsWith("Results"));
        robot.clickOn(robot.lookup(".tab-label").match((Label l) -> l.getText().startsWith("tickets.jsonl")).queryAs(Label.class));
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        org.testfx.util.WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs().size() == 2);
        assertThat(runs().get(0).config().caseIds()).containsExactly("t001");
    }

    /** "Unsaved changes" beside Roll back shows what the edits not yet saved change, before a changelog is written. */
    @Test
    void unsavedChangesShowsTheEditsAgainstTheFileAsSaved() throws Exception {
        CodeArea area = openTriage();
        javafx.scene.control.Button unsaved = robot.lookup("#unsaved-changes").queryAs(javafx.scene.control.Button.class);
        assertThat(FxWait.read(unsaved::isDisabled)).as("nothing to show yet").isTrue();
        waitFor(10, TimeUnit.SECONDS, () -> area.getScene() != null && area.getScene().getFocusOwner() == area);
        caretAfter(area, "The customer wrote:");
        robot.write(" (verbatim)");
        waitFor(5, TimeUnit.SECONDS, () -> !unsaved.isDisabled());
        robot.clickOn(unsaved);
        dev.evalbench.app.fx.UnifiedDiffView diff =
                robot.lookup("#revision-diff").queryAs(dev.evalbench.app.fx.UnifiedDiffView.class);
        waitFor(5, TimeUnit.SECONDS, () -> diff.area().getText().contains("  The customer wrote: (verbatim)"));
        // Drawn as a patch: the line as saved tinted as removed above the edited one tinted as added, and in it the words
        // typed marked, so a short edit of a long line is seen without reading the whole line.
        org.fxmisc.richtext.StyleClassedTextArea text = diff.area();
        int added = FxWait.read(() -> text.getText().lines().toList().indexOf("  The customer wrote: (verbatim)"));
        assertThat(FxWait.read(() -> text.getParagraph(added).getParagraphStyle())).containsExactly("diff-added");
        assertThat(FxWait.read(() -> text.getParagraph(added - 1).getText())).isEqualTo("  The customer wrote:");
        assertThat(FxWait.read(() -> text.getParagraph(added - 1).getParagraphStyle())).containsExactly("diff-removed");
        int typed = "  The customer wrote: (".length();
        assertThat(FxWait.read(() -> text.getStyleOfChar(added, typed))).containsExactly("word-added");
        assertThat(FxWait.read(() -> text.getStyleOfChar(added, 4))).as("the words kept").isEmpty();
    }

    /**
     * Undo goes back to the file as opened and no further: the file read into the editor was itself an edit, and
     * the first Ctrl+Z after opening emptied the editor ("unsaved edits" over an empty file).
     */
    @Test
    void undoStopsAtTheFileAsOpened() throws Exception {
        CodeArea area = openTriage();
        String file = java.nio.file.Files.readString(fixture.workspace.resolve("prompts/triage.yaml"));
        waitFor(10, TimeUnit.SECONDS, () -> area.getScene() != null && area.getScene().getFocusOwner() == area);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxWait.read(() -> area.getText())).as("a Ctrl+Z with nothing typed").isEqualTo(file);
        caretAfter(area, "The customer wrote:");
        robot.write(" (verbatim)");
        waitFor(5, TimeUnit.SECONDS, () -> area.getText().contains("(verbatim)"));
        for (int i = 0; i < 4; i++) robot.push(KeyCode.CONTROL, KeyCode.Z);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxWait.read(() -> area.getText())).as("more Ctrl+Z than edits").isEqualTo(file);
        // Redo as F1 lists it: Ctrl+Y, and Ctrl+Shift+Z.
        for (int i = 0; i < 4; i++) robot.push(KeyCode.CONTROL, KeyCode.Y);
        waitFor(5, TimeUnit.SECONDS, () -> area.getText().contains("The customer wrote: (verbatim)"));
        for (int i = 0; i < 4; i++) robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitFor(5, TimeUnit.SECONDS, () -> area.getText().equals(file));
        for (int i = 0; i < 4; i++) robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        waitFor(5, TimeUnit.SECONDS, () -> area.getText().contains("The customer wrote: (verbatim)"));
        for (int i = 0; i < 4; i++) robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitFor(5, TimeUnit.SECONDS, () -> "triage.yaml".equals(selectedTab().getText()));
    }

    /**
     * A revision that does not load (here the file now, edited outside the window into a template that does not
     * parse) says so in the revision list, in the danger colour, and Roll back is off while it is chosen. It read as
     * any other did, and a rollback to it was refused only once tried.
     */
    @Test
    void aRevisionThatDoesNotLoadIsMarkedInTheListAndRollBackIsOffForIt() throws Exception {
        CodeArea area = openTriage();
        waitUntilWatching();
        java.nio.file.Path file = fixture.workspace.resolve("prompts/triage.yaml");
        String broken = java.nio.file.Files.readString(file).replace("revision: 4", "revision: 5")
                .replace("The customer wrote:", "The customer wrote: {{ ticket");
        java.nio.file.Files.writeString(file, broken);
        waitFor(10, TimeUnit.SECONDS, () -> area.getText().contains("{{ ticket"));
        int line = (int) broken.substring(0, broken.indexOf("{{ ticket")).lines().count();
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#revision-list .revision-broken").tryQuery()
                .map(n -> ((javafx.scene.control.ListCell<?>) n).getText())
                .filter(t -> t.startsWith("r5 · ") && t.contains(" · does not load, line " + line + ": ")).isPresent());
        javafx.scene.Node row = robot.lookup("#revision-list .revision-broken").query();
        assertThat(FxWait.read(() -> ((javafx.scene.control.ListCell<?>) row).getTextFill()))
                .as("in the theme's danger colour, not the text's").isNotEqualTo(FxWait.read(() ->
                        ((javafx.scene.control.Label) robot.lookup("#revision-history .title-4").query()).getTextFill()));
        robot.clickOn(row);
        javafx.scene.control.ListView<?> list = robot.lookup("#revision-list").queryAs(javafx.scene.control.ListView.class);
        waitFor(5, TimeUnit.SECONDS, () -> list.getSelectionModel().getSelectedIndex() == 0);
        assertThat(FxWait.read(() -> robot.lookup("#rollback").queryButton().isDisabled())).isTrue();
    }

    /** The runs of the workspace's history, newest first. */
    private List<dev.evalbench.core.record.RunHeader> runs() throws Exception {
        java.nio.file.Path db = fixture.workspace.resolve(".evalbench/history.db");
        if (!java.nio.file.Files.exists(db)) return List.of();
        try (var store = dev.evalbench.core.store.sqlite.SqliteRunStore.openReadOnly(db)) {
            return store.runs(10);
        }
    }

    /** The 1-based lines of the editor tinted as a problem's. */
    private List<Integer> tintedLines(CodeArea area) throws Exception {
        return FxWait.read(() -> IntStream.range(0, area.getParagraphs().size())
                .filter(i -> area.getParagraph(i).getParagraphStyle().contains("problem-line"))
                .mapToObj(i -> i + 1).toList());
    }
}
