package dev.evalbench.app.author;

import static dev.evalbench.app.FxWait.waitFor;
import static dev.evalbench.app.FxWait.waitUntilShown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.WorkbenchApp;
import dev.evalbench.app.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The prompt author's loop in the real window, on a copy of the sample workspace. */
@dev.evalbench.app.SharesFxToolkit
class AuthorLoopTest extends TriageWindowTestBase {
    /** Longer than the revision pane is wide, over more lines than the theme's fixed cell height holds. */
    private static final String CHANGELOG = "Say the ticket is quoted verbatim, so that the model reads it as the customer's words";

    private boolean marked(CodeArea area) {
        for (var span : area.getStyleSpans(0, area.getLength())) {
            if (((Collection<?>) span.getStyle()).contains("undefined-var")) return true;
        }
        return false;
    }

    @Test
    void typeAnUndefinedVariableSeeItMarkedFixItAndSaveARevisionIntoTheHistory() throws Exception {
        CodeArea area = openTriage();
        // Opened from the tree, the editor has the keyboard: it is the window's focus owner, where what the author
        // types goes. (Not typed here: TestFX types into the window it finds active, and between one test's window
        // and the next that is not always this one; Node.isFocused waits for that too.)
        waitFor(10, TimeUnit.SECONDS, () -> area.getScene() != null && area.getScene().getFocusOwner() == area);
        // The editor has its preview and history beside it: the (empty) detail pane gives it its width.
        assertThat(FxWait.read(() -> fixture.workbench().window().detailShown())).isFalse();
        Label summary = robot.lookup("#undefined-summary").queryAs(Label.class);
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#template-preview").queryTextInputControl().getText().contains("New ticket via app."));
        assertThat(marked(area)).isFalse();
        // The case's e-mail and card are masked in the preview, as in the results' detail, until revealed.
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#template-preview").queryTextInputControl().getText()
                .contains("Email on file: [masked restricted value: hiro"));
        assertThat(robot.lookup("#template-preview").queryTextInputControl().getText()).doesNotContain("hiroshi.sato@example.com");
        robot.clickOn("#preview-reveal");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#template-preview").queryTextInputControl().getText()
                .contains("Email on file: hiroshi.sato@example.com (confidential)"));
        robot.clickOn("#preview-reveal");
        waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#template-preview").queryTextInputControl().getText()
                .contains("hiroshi.sato@example.com"));
        robot.clickOn(area);

        caretAfter(area, "New ticket via {{ channel }}");
        robot.write(" {{ nope }}");
        // The summary's text, its visibility and the mark in the editor are each set as the check's result lands
        // on the FX thread; the test reads them from its own thread, so it waits for all three, not the first.
        waitFor(10, TimeUnit.SECONDS, () -> summary.getText().startsWith("Not defined by any of the 159 cases: nope (line ")
                && summary.isVisible() && marked(area));
        assertThat(summary.getText()).isEqualTo("Not defined by any of the 159 cases: nope (line 68)");
        assertThat(selectedTab().getText()).isEqualTo("triage.yaml *");
        assertThat(robot.lookup("#template-preview").queryTextInputControl().getText()).contains("variable \"nope\" is not defined");
        for (int i = 0; i < " {{ nope }}".length(); i++) robot.push(KeyCode.BACK_SPACE);
        waitFor(10, TimeUnit.SECONDS, () -> !marked(area) && !summary.isVisible());

        caretAfter(area, "The customer wrote:");
        robot.write(" (verbatim)");
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntilShown(robot, "#changelog", 5, TimeUnit.SECONDS);
        robot.clickOn("#changelog").write(CHANGELOG).push(KeyCode.ENTER);

        Path file = fixture.workspace.resolve("prompts/triage.yaml");
        waitFor(10, TimeUnit.SECONDS, () -> Files.readString(file).contains("revision: 5\n"));
        // The save rewrote the changelog line above (shorter now): the caret stays where the user typed.
        String typed = "The customer wrote: (verbatim)";
        waitFor(10, TimeUnit.SECONDS, () -> area.getText().contains("\"" + CHANGELOG + "\""));
        int caretAfterTyped = FxWait.read(() -> area.getCaretPosition() - area.getText().indexOf(typed));
        assertThat(caretAfterTyped).isEqualTo(typed.length());
        assertThat(Files.readString(file)).contains("changelog: \"" + CHANGELOG + "\"",
                "The customer wrote: (verbatim)", "# Lines end in text, not in a tag:");
        ListView<?> history = robot.lookup("#revision-list").queryAs(ListView.class);
        // The revision the save replaced stays listed (no run or commit holds it here): it can still be rolled back to.
        waitFor(10, TimeUnit.SECONDS, () -> history.getItems().size() == 2
                && robot.lookup(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null
                        && c.getText().equals("r5 · the file now · " + CHANGELOG)).tryQuery().isPresent()
                && robot.lookup(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null
                        && c.getText().startsWith("r4 · saved in the workbench · Take order ids")).tryQuery().isPresent());
        // The changelog, wider than the pane, wraps inside it (it was cut at the pane's edge) and is whole on hover;
        // until a revision is chosen the diff says what to do.
        javafx.scene.control.ListCell<?> r5 = robot.lookup(n -> n instanceof javafx.scene.control.ListCell<?> c
                && ("r5 · the file now · " + CHANGELOG).equals(c.getText()))
                .queryAs(javafx.scene.control.ListCell.class);
        assertThat(FxWait.read(() -> r5.getTooltip().getText())).isEqualTo("r5 · the file now · " + CHANGELOG);
        assertThat(FxWait.read(() -> r5.getWidth())).isLessThanOrEqualTo(FxWait.read(history::getWidth));
        assertThat(FxWait.read(() -> dev.evalbench.app.DrawnWhole.of(r5))).isTrue();
        dev.evalbench.app.fx.UnifiedDiffView diff =
                robot.lookup("#revision-diff").queryAs(dev.evalbench.app.fx.UnifiedDiffView.class);
        assertThat(FxWait.read(diff::placeholderText))
                .isEqualTo("Select a revision to see what changed since it, or two to compare them.");
        assertThat(FxWait.read(() -> diff.lines().isEmpty() && diff.lookup(".diff-placeholder").isVisible()
                && dev.evalbench.app.DrawnWhole.of((Label) diff.lookup(".diff-placeholder")))).isTrue();
        waitFor(10, TimeUnit.SECONDS, () -> "triage.yaml".equals(selectedTab().getText()));
        assertThat(robot.lookup("#editor-revision").queryAs(Label.class).getText()).isEqualTo("revision 5");
        waitFor(10, TimeUnit.SECONDS, () -> treeCell("triage.yaml  r5") != null);
    }

    /**
     * A line added to the body with Enter stays in the body: the editor keeps the YAML block's indentation (a line
     * at the margin ended the block and became an unknown key, found only after saving), and Tab indents with
     * spaces, which YAML takes where it refuses a tab.
     */
    @Test
    void aLineAddedWithEnterStaysInTheTemplateItIsTypedIn() throws Exception {
        CodeArea area = openTriage();
        waitFor(10, TimeUnit.SECONDS, () -> area.getScene() != null && area.getScene().getFocusOwner() == area);
        caretAfter(area, "The customer wrote:");
        robot.push(KeyCode.ENTER).write("Quote it back verbatim.");
        robot.push(KeyCode.ENTER).push(KeyCode.TAB).write("(indented)");
        waitFor(10, TimeUnit.SECONDS, () -> area.getText().contains("(indented)"));
        assertThat(FxWait.read(() -> area.getText())).contains(
                "  The customer wrote:\n  Quote it back verbatim.\n    (indented)\n  \"{{ ticket }}\"");
        // The preview renders the new lines inside the user message, as the model will read them.
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#template-preview").queryTextInputControl().getText()
                .contains("The customer wrote:\nQuote it back verbatim.\n  (indented)\n"));
    }

    /**
     * A click on the blank line between two paragraphs of the system prompt puts the caret at the margin; text
     * typed there went in at the margin, ended the block, and the file could not be saved ("Line 10: YAML syntax
     * error"). It goes in at the block's indentation.
     */
    @Test
    void textTypedOnABlankLineBetweenParagraphsStaysInTheBlock() throws Exception {
        CodeArea area = openTriage();
        waitFor(10, TimeUnit.SECONDS, () -> area.getScene() != null && area.getScene().getFocusOwner() == area);
        robot.interact(() -> area.moveTo(area.getText().indexOf("no code fences.\n\n") + "no code fences.\n".length()));
        robot.write("Read the whole ticket first.");
        waitFor(10, TimeUnit.SECONDS, () -> area.getText().contains("first."));
        assertThat(FxWait.read(() -> area.getText())).contains("no code fences.\n  Read the whole ticket first.\n  The object");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#template-preview").queryTextInputControl().getText()
                .contains("no code fences.\nRead the whole ticket first.\nThe object"));
        assertThat(robot.lookup("#file-problem").tryQuery().filter(javafx.scene.Node::isVisible)).isEmpty();
    }

    @Test
    void aFileEditedOutsideTheAppIsReloadedInItsEditorUnlessItHasUnsavedEdits() throws Exception {
        CodeArea area = openTriage();
        Path file = fixture.workspace.resolve("prompts/triage.yaml");
        waitUntilWatching();
        Files.writeString(file, Files.readString(file).replace("The customer wrote:", "Checked out from git:"));
        waitFor(10, TimeUnit.SECONDS, () -> area.getText().contains("Checked out from git:"));
        assertThat(selectedTab().getText()).isEqualTo("triage.yaml");

        caretAfter(area, "Checked out from git:");
        robot.write(" mine");
        Files.writeString(file, Files.readString(file).replace("Checked out from git:", "Second checkout:"));
        Label notice = robot.lookup("#editor-notice").queryAs(Label.class);
        waitFor(10, TimeUnit.SECONDS, () -> notice.getText().contains("your unsaved edits are kept"));
        assertThat(area.getText()).contains("Checked out from git: mine").doesNotContain("Second checkout:");
        assertThat(selectedTab().getText()).isEqualTo("triage.yaml *");
    }

    /** triage.yaml open with " draft" typed into it, unsaved. */
    private CodeArea triageWithADraft() throws Exception {
        CodeArea area = openTriage();
        caretAfter(area, "The customer wrote:");
        robot.write(" draft");
        waitFor(5, TimeUnit.SECONDS, () -> "triage.yaml *".equals(selectedTab().getText()));
        return area;
    }

    /**
     * Stopped with nobody to ask (SIGTERM as a desktop session logs out, Ctrl-C in its terminal: the app stops as
     * the fixture stops it, without the close request's question), the workbench keeps the unsaved edits in the
     * config folder, not in the workspace. The next start reopens the template and offers them; Restore puts them
     * back, still unsaved, and they are no longer kept.
     */
    @Test
    void unsavedEditsOfAStoppedAppAreKeptAndRestoredAtTheNextStart() throws Exception {
        triageWithADraft();
        Path kept = stopAndKeep();
        assertThat(Files.readString(kept)).contains("The customer wrote: draft");
        assertThat(Files.readString(fixture.workspace.resolve("prompts/triage.yaml"))).doesNotContain("draft");

        CodeArea area = startAndSeeTheOffer();
        robot.clickOn("#kept-edits-restore");

        waitFor(5, TimeUnit.SECONDS, () -> area.getText().contains("The customer wrote: draft"));
        waitFor(5, TimeUnit.SECONDS, () -> "triage.yaml *".equals(selectedTab().getText()));
        assertThat(robot.lookup("#kept-edits-text").queryAs(Label.class).getText()).doesNotContain("changed since");
        waitFor(5, TimeUnit.SECONDS, () -> !Files.exists(kept));
        assertThat(robot.lookup("#kept-edits").query().isVisible()).isFalse();
    }

    /**
     * The file changed while the app was down (a pull): the offer says so before the choice. Discard leaves the
     * template as the file holds it, and forgets the kept edits: the next stop keeps none.
     */
    @Test
    void keptEditsDiscardedAreGoneAndTheTemplateIsAsOnDisk() throws Exception {
        triageWithADraft();
        Path kept = stopAndKeep();
        Path file = fixture.workspace.resolve("prompts/triage.yaml");
        Files.writeString(file, Files.readString(file) + "# pulled\n");

        CodeArea area = startAndSeeTheOffer();
        assertThat(robot.lookup("#kept-edits-text").queryAs(Label.class).getText())
                .endsWith("The file has changed since: restoring replaces its new text in the editor with the kept one.");
        robot.clickOn("#kept-edits-discard");

        waitFor(5, TimeUnit.SECONDS, () -> !Files.exists(kept));
        assertThat(area.getText()).doesNotContain("draft");
        assertThat(selectedTab().getText()).isEqualTo("triage.yaml");
        fixture.stop();
        WorkbenchApp.awaitSettingsSaved();
        try (var left = Files.list(kept.getParent())) {
            assertThat(left.toList()).as("nothing unsaved, nothing kept").isEmpty();
        }
        fixture.start();
    }

    /** Stops the app as a signal does and returns the one file its unsaved edits were kept in. */
    private Path stopAndKeep() throws Exception {
        fixture.stop();
        WorkbenchApp.awaitSettingsSaved();
        Path folder = fixture.settings.resolveSibling("recovery");
        try (var files = Files.list(folder)) {
            java.util.List<Path> kept = files.toList();
            assertThat(kept).as("one template was unsaved").hasSize(1);
            return kept.get(0);
        }
    }

    /** Starts again: the template's tab comes back (the open tabs are remembered) and offers the kept edits. */
    private CodeArea startAndSeeTheOffer() throws Exception {
        fixture.start();
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#kept-edits").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup("#kept-edits-text").queryAs(Label.class).getText())
                .startsWith("Unsaved edits to prompts/triage.yaml were kept when the workbench was stopped at ");
        for (String button : java.util.List.of("#kept-edits-restore", "#kept-edits-discard")) {
            javafx.scene.control.Button b = robot.lookup(button).queryAs(javafx.scene.control.Button.class);
            assertThat(FxWait.read(() -> b.getWidth() >= b.prefWidth(-1))).as("%s keeps its word", button).isTrue();
        }
        CodeArea area = robot.lookup("#template-code").queryAs(CodeArea.class);
        assertThat(area.getText()).as("offered, not put in unasked").doesNotContain("draft").startsWith("id: triage");
        return area;
    }

    @Test
    void closingAnEditorWithUnsavedEditsAsksFirst() throws Exception {
        CodeArea area = triageWithADraft();

        robot.push(KeyCode.CONTROL, KeyCode.W); // asks as the tab's × does
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Cancel").tryQuery().isPresent());
        assertThat(FxWait.read(() -> robot.lookup("Save the edits to prompts/triage.yaml as a new revision?").tryQuery().isPresent()))
                .as("Save the edits to prompts/triage.yaml as a new revision?").isTrue();
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.workbench().window().tabs().getTabs()).hasSize(1);
        assertThat(area.getText()).contains("The customer wrote: draft");

        robot.clickOn(".tab-close-button");
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Discard").tryQuery().isPresent());
        robot.clickOn("Discard");
        waitFor(5, TimeUnit.SECONDS, () -> fixture.workbench().window().tabs().getTabs().isEmpty());
        assertThat(Files.readString(fixture.workspace.resolve("prompts/triage.yaml"))).doesNotContain("draft").contains("revision: 4\n");
    }

    @Test
    void ctrlQWithUnsavedEditsAsksFirstAndCancelKeepsTheWindowAndTheEdits() throws Exception {
        CodeArea area = triageWithADraft();

        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Cancel").tryQuery().isPresent());
        assertThat(FxWait.read(() -> robot.lookup("Save the edits to prompts/triage.yaml as a new revision?").tryQuery().isPresent()))
                .as("Save the edits to prompts/triage.yaml as a new revision?").isTrue();
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        // No key is left down for the tests after this one (the keyboard is the toolkit's, shared by every window).
        robot.release(new KeyCode[0]);
        robot.press(KeyCode.CONTROL).release(KeyCode.CONTROL);
        assertThat(fixture.stage.isShowing()).isTrue();
        assertThat(area.getText()).contains("The customer wrote: draft");
        assertThat(Files.readString(fixture.workspace.resolve("prompts/triage.yaml"))).doesNotContain("draft");
    }

    @Test
    void aBrokenFileShowsInProblemsAndAClickOpensItAtTheLine() throws Exception {
        Path gates = fixture.workspace.resolve("gates.yaml");
        waitUntilWatching();
        robot.clickOn(settled(treeCell("tickets.jsonl")));
        javafx.scene.control.TreeView<?> tree = robot.lookup("#workspace-tree").queryAs(javafx.scene.control.TreeView.class);
        waitFor(5, TimeUnit.SECONDS, () -> String.valueOf(tree.getSelectionModel().getSelectedItem()).contains("tickets.jsonl"));
        Files.writeString(gates, Files.readString(gates) + "\n  - metric: [unclosed\n");
        TitledPane panel = robot.lookup("#problems-panel").queryAs(TitledPane.class);
        waitFor(15, TimeUnit.SECONDS, () -> panel.getText().matches("Problems \\([1-9]\\d*\\)"));
        // The watcher may first see the file half written (writeString truncates, then writes), whose problem is
        // elsewhere; what the user is left with is the problem of the whole file, at the unclosed list.
        waitFor(15, TimeUnit.SECONDS, () -> {
            var first = fixture.workbench().session().problems();
            return !first.isEmpty() && first.get(0).line() > 1;
        });
        ListView<?> list = robot.lookup("#problems-list").queryAs(ListView.class);
        var problem = fixture.workbench().session().problems().get(0);
        assertThat(problem.file()).isEqualTo("gates.yaml");
        assertThat(problem.line()).isGreaterThan(1);
        // The tree marks the file where the author looks for it, the problem in its tooltip.
        waitFor(10, TimeUnit.SECONDS, () -> treeMark("gates.yaml").equals("tree-problem " + problem));
        assertThat(FxWait.read(() -> String.valueOf(tree.getSelectionModel().getSelectedItem())))
                .as("the row the author had selected, kept as the marks change").contains("tickets.jsonl");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(settled(listCell(t -> t.startsWith("gates.yaml:" + problem.line()))));
        waitFor(10, TimeUnit.SECONDS, () -> selectedTab() != null && "gates.yaml".equals(selectedTab().getText()));
        CodeArea area = robot.lookup("#config-code").queryAs(CodeArea.class);
        waitFor(5, TimeUnit.SECONDS, () -> area.getCurrentParagraph() + 1 == problem.line());
        // It opens to be mended there: the note says how a save goes.
        assertThat(area.isEditable()).isTrue();
        assertThat(robot.lookup("#config-note").queryAs(Label.class).getText())
                .startsWith("Ctrl+S saves it once the workspace accepts it");
        // The line is marked where the reader sees it, not only by the caret.
        waitFor(5, TimeUnit.SECONDS, () -> area.getParagraph(problem.line() - 1).getParagraphStyle().contains("problem-line"));
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#config-code .problem-line").tryQuery()
                .map(n -> n.getBoundsInLocal().getHeight() > 0).orElse(false));
        assertThat(list.getItems()).isNotEmpty();
    }

    /**
     * A prompt edited outside the window under the revision a stored run used: the warning a run would print is in
     * Problems before any run of the window, at the {@code revision} line, and a click opens the editor there; Ctrl+S
     * saves the text as the next revision, which ends it. The run is a real one of the safety suite, from the
     * command line into this history.
     */
    @Test
    void aTextChangedUnderTheRevisionARunUsedIsWarnedAboutInProblemsAtItsLine() throws Exception {
        waitUntilWatching();
        var ran = dev.evalbench.cli.Cli.run("run", "-w", fixture.workspace.toString(), "--suite", "safety", "--quiet");
        assertThat(ran.exit()).as(ran.err()).isIn(0, 1);
        Path file = fixture.workspace.resolve("prompts/triage.yaml");
        dev.evalbench.cli.Cli.edit(file, "Take order ids from the ticket text only", "Take order ids from the ticket only");

        TitledPane panel = robot.lookup("#problems-panel").queryAs(TitledPane.class);
        waitFor(15, TimeUnit.SECONDS, () -> "Problems (0) · 1 warning".equals(panel.getText()));
        String cell = "warning: prompts/triage.yaml:2:1: its text differs from the one run ";
        waitFor(10, TimeUnit.SECONDS, () -> treeMark("triage.yaml  r4").startsWith("tree-warning " + cell));
        // Settled first: the panel opens itself as the warning comes, and a click mid-slide missed the row (a CI run).
        robot.clickOn(settled(listCell(t -> t.startsWith(cell) && t.endsWith("give the new text revision 5 and a changelog "
                + "line, so the history, reports and comparisons tell them apart"))));
        waitFor(10, TimeUnit.SECONDS, () -> selectedTab() != null && "triage.yaml".equals(selectedTab().getText()));
        CodeArea area = robot.lookup("#template-code").queryAs(CodeArea.class);
        // At the revision line: line 2, the second paragraph (the caret stayed at the first before the fix).
        waitFor(5, TimeUnit.SECONDS, () -> area.getCurrentParagraph() == 1);
        // The panel open, its one row takes a row's height, not the room of four.
        assertThat(FxWait.read(() -> robot.lookup("#problems-list").queryAs(ListView.class).getHeight()))
                .isBetween(28.0, 40.0);

        // The warning asks for a new revision: Ctrl+S gives the text as it is one, though nothing was typed. (The tree
        // has a file selected: the save renames the prompt's row, and that selection stays.)
        robot.clickOn(settled(treeCell("tickets.jsonl")));
        javafx.scene.control.TreeView<?> tree = robot.lookup("#workspace-tree").queryAs(javafx.scene.control.TreeView.class);
        waitFor(5, TimeUnit.SECONDS, () -> String.valueOf(tree.getSelectionModel().getSelectedItem()).contains("tickets.jsonl"));
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntilShown(robot, "#changelog", 5, TimeUnit.SECONDS);
        robot.clickOn("#changelog").write("The text edited outside").push(KeyCode.ENTER);
        waitFor(10, TimeUnit.SECONDS, () -> Files.readString(file).contains("revision: 5\n"));
        waitFor(15, TimeUnit.SECONDS, () -> "Problems (0)".equals(panel.getText()));
        waitFor(10, TimeUnit.SECONDS, () -> treeMark("triage.yaml  r5").isEmpty() && treeCell("triage.yaml  r5") != null);
        assertThat(FxWait.read(() -> String.valueOf(tree.getSelectionModel().getSelectedItem()))).contains("tickets.jsonl");
    }

    /**
     * How the tree's row {@code row} is marked: "tree-problem " or "tree-warning " and its tooltip's text, or "" when
     * it is not (or no row shows it).
     */
    private String treeMark(String row) {
        return FxWait.read(() -> {
            // Scrolled into view as the user would (a row below the tree's fold has no cell); the next poll finds it.
            javafx.scene.control.TreeView<?> tree = robot.lookup("#workspace-tree").queryAs(javafx.scene.control.TreeView.class);
            for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                if (String.valueOf(tree.getTreeItem(i).getValue()).contains("label=" + row + ",")) tree.scrollTo(i);
            }
            if (!(treeCell(row) instanceof javafx.scene.control.TreeCell<?> cell)) return "";
            String kind = cell.getStyleClass().contains("tree-problem") ? "tree-problem"
                    : cell.getStyleClass().contains("tree-warning") ? "tree-warning" : "";
            return kind.isEmpty() ? "" : kind + " " + (cell.getTooltip() == null ? "" : cell.getTooltip().getText());
        });
    }
}
