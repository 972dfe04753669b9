package dev.evalbench.app.author;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;

/**
 * An author edits the sample's gates.yaml in its tab of the real window: a typo the workspace would refuse is said as
 * it is typed and keeps the file as it is; mended, Ctrl+S writes it and the workspace reads the new threshold; typing
 * is not lost to a closed tab without asking.
 */
@dev.evalbench.app.SharesFxToolkit
class ConfigEditWindowTest extends WindowTestBase {
    /** The sample's gates.yaml, and its text when {@link #gatesOpened} opened it. */
    private Path gates;
    private String was;

    @Test
    void aGatesThresholdIsEditedATypoRefusedAndTheWorkspaceReadsTheSave() throws Exception {
        CodeArea area = gatesOpened();

        // A typo in a suite's name: said under the text as it is typed, in validate's words, its line tinted.
        select(area, "suite: triage, metric: classification", "suite: triage".length() - 1, "suite: triage".length());
        robot.push(KeyCode.DELETE);
        waitFor(10, TimeUnit.SECONDS, () -> !label("#config-problems-heading").isEmpty());
        assertThat(label("#config-problems-heading")).startsWith("This edit would add 1 problem to the workspace");
        assertThat(FxWait.read(() -> robot.lookup(".config-problem").queryAs(Label.class).getText()))
                .startsWith("gates.yaml:3:").contains("unknown suite \"triag\"");
        assertThat(FxWait.read(() -> area.getParagraph(2).getParagraphStyle())).contains("problem-line");
        assertThat(FxWait.read(() -> selectedTab().getText())).isEqualTo("gates.yaml *");

        // Ctrl+S refuses it: nothing written.
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitFor(10, TimeUnit.SECONDS, () -> label("#config-notice").startsWith("Not saved: the workspace would not run"
                + " with gates.yaml as it is here (1 problem below)"));
        assertThat(Files.readString(gates)).isEqualTo(was);

        // Mended, and a threshold lowered: saved, the rest of the file byte for byte, the workspace reads 0.8.
        robot.write("e");
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> robot.lookup(".config-problem").tryQuery().isEmpty()));
        select(area, "classification.category.accuracy, min: 0.85", "classification.category.accuracy, min: ".length(),
                "classification.category.accuracy, min: 0.85".length());
        robot.write("0.8");
        // What the edits change, before they are saved: the line as saved, then as edited.
        robot.clickOn("#config-changes");
        var changes = robot.lookup("#config-changes-diff").queryAs(dev.evalbench.app.fx.UnifiedDiffView.class);
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> changes.lines().stream()
                .anyMatch(l -> l.kind() == dev.evalbench.core.compare.UnifiedLine.Kind.ADDED && l.text().contains("min: 0.8}"))));
        robot.clickOn(area);
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitFor(10, TimeUnit.SECONDS, () -> label("#config-notice").equals("Saved gates.yaml. The next run reads it."));
        assertThat(Files.readString(gates)).isEqualTo(was.replace("classification.category.accuracy, min: 0.85",
                "classification.category.accuracy, min: 0.8"));
        assertThat(FxWait.read(() -> selectedTab().getText())).isEqualTo("gates.yaml");
        waitFor(20, TimeUnit.SECONDS, () -> FxWait.read(() -> {
            var ws = fixture.workbench().session().workspace();
            return ws != null && ws.gates().stream().anyMatch(g -> g.id().equals("category-accuracy") && g.min() == 0.8);
        }));
    }

    /**
     * A run's results keep the gates it was made with; its failing schema gate's menu opens gates.yaml at the gate's
     * line, and once it is saved with a lower threshold, the run's tab offers the run judged with the gates as they are
     * now (as {@code evalbench gate} judges it), without running it again, and back. The run is a real one from the
     * command line into the window's history.
     */
    @Test
    void aRunsResultsAreGatedWithTheGatesAsSavedNowOnAskingAndBack() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        assertThat(dev.evalbench.cli.Cli.run("run", "-w", fixture.workspace.toString(), "--quiet").exit()).isEqualTo(1);
        fixture.start();
        javafx.scene.control.ListView<?> list = robot.lookup("#history-list").queryAs(javafx.scene.control.ListView.class);
        waitFor(30, TimeUnit.SECONDS, () -> list.getItems().size() == 1 && fixture.workbench().session().workspace() != null);
        FxWait.waitUntilShown(robot, "#history-list .list-cell", 10, TimeUnit.SECONDS);
        robot.doubleClickOn(robot.lookup("#history-list .list-cell").nth(0).queryAs(javafx.scene.Node.class));
        waitFor(30, TimeUnit.SECONDS, () -> label("#gates-headline").equals("FAILED: 2 of 9 gates failed"));
        assertThat(FxWait.read(() -> robot.lookup("#gates-now").query().isVisible())).as("the gates are the run's").isFalse();
        var results = selectedTab();

        // From the failing gate to its line: the gates' menu (Shift+F10 on the selected gate) opens gates.yaml there.
        javafx.scene.control.TableView<?> gatesTable =
                robot.lookup("#gates-table").queryAs(javafx.scene.control.TableView.class);
        robot.clickOn(FxWait.rowShowing(robot, "#gates-table", 0));
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> gatesTable.isFocused()
                && gatesTable.getSelectionModel().getSelectedIndex() == 0));
        robot.push(KeyCode.SHIFT, KeyCode.F10);
        FxWait.waitUntilShown(robot, "#gates-edit", 10, TimeUnit.SECONDS);
        robot.clickOn("#gates-edit");
        waitFor(10, TimeUnit.SECONDS, () -> selectedTab() != null && "gates.yaml".equals(selectedTab().getText()));
        CodeArea area = robot.lookup("#config-code").queryAs(CodeArea.class);
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> area.getCurrentParagraph()) == 1);
        assertThat(FxWait.read(() -> area.getParagraph(1).getText())).contains("{id: schema,");
        select(area, "schema_pass_rate, min: 0.99", "schema_pass_rate, min: ".length(), "schema_pass_rate, min: 0.99".length());
        robot.write("0.98");
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitFor(10, TimeUnit.SECONDS, () -> label("#config-notice").equals("Saved gates.yaml. The next run reads it."));
        robot.interact(() -> fixture.workbench().window().tabs().getSelectionModel().select(results));

        javafx.scene.control.Hyperlink now = robot.lookup("#gates-now").queryAs(javafx.scene.control.Hyperlink.class);
        waitFor(20, TimeUnit.SECONDS, () -> FxWait.read(now::isVisible));
        assertThat(label("#gates-headline")).as("still the run's own").isEqualTo("FAILED: 2 of 9 gates failed");
        Label baseline = robot.lookup("#gates-baseline").queryAs(Label.class);
        waitFor(5, TimeUnit.SECONDS, () -> FxWait.read(() -> baseline.getWidth() >= baseline.prefWidth(-1)
                && now.getWidth() >= now.prefWidth(-1)));
        robot.clickOn(now);
        waitFor(20, TimeUnit.SECONDS, () -> label("#gates-headline")
                .equals("With the gates as they are now: FAILED: 1 of 9 gates failed"));
        assertThat(label("#gates-baseline")).startsWith("Not the gates this run was made with");
        // The schema gate chosen before (its row clicked) is followed anew: its detail as the gates now judge it.
        waitFor(10, TimeUnit.SECONDS, () -> label("#gate-detail-title").startsWith("pass  schema"));
        assertThat(FxWait.read(now::getText)).isEqualTo("Back to the run's own gates");
        robot.clickOn(now);
        waitFor(20, TimeUnit.SECONDS, () -> label("#gates-headline").equals("FAILED: 2 of 9 gates failed"));
    }

    /** Typing in a configuration file is not lost to a closed tab without asking; Cancel goes back to it. */
    @Test
    void closingTheTabOfAnEditedFileAsksFirst() throws Exception {
        CodeArea area = gatesOpened();
        typeAtTheTop(area, "# reviewed\n");

        robot.push(KeyCode.CONTROL, KeyCode.W);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Save the edits to gates.yaml?").tryQuery().isPresent());
        robot.clickOn("Cancel");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxWait.read(() -> selectedTab().getText())).isEqualTo("gates.yaml *");
        assertThat(FxWait.read(() -> area.getText())).startsWith("# reviewed\n");

        robot.push(KeyCode.CONTROL, KeyCode.W);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Discard").tryQuery().isPresent());
        robot.clickOn("Discard");
        waitFor(5, TimeUnit.SECONDS, () -> fixture.workbench().window().tabs().getTabs().isEmpty());
        assertThat(Files.readString(gates)).isEqualTo(was);
    }

    /**
     * Ctrl+Q with a configuration file's edits asks about them first; Save writes them (once the workspace reads with
     * them) and the window then closes.
     */
    @Test
    void quittingWithEditsSavesThemOnAskingAndCloses() throws Exception {
        CodeArea area = gatesOpened();
        typeAtTheTop(area, "# reviewed before the release\n");

        robot.push(KeyCode.CONTROL, KeyCode.Q);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Save the edits to gates.yaml?").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button")
                .match((javafx.scene.control.Button b) -> "Save".equals(b.getText())).queryAs(javafx.scene.Node.class));

        waitFor(10, TimeUnit.SECONDS, () -> !FxWait.read(fixture.stage::isShowing));
        assertThat(Files.readString(gates)).isEqualTo("# reviewed before the release\n" + was);
    }

    /**
     * Stopped with nobody to ask (a signal: the app stops as the fixture stops it), the workbench keeps the edits of a
     * configuration file in the config folder, as a template's; the next start reopens gates.yaml and offers them, and
     * Restore puts them back, unsaved.
     */
    @Test
    void editsOfAStoppedAppAreKeptAndRestoredAtTheNextStart() throws Exception {
        CodeArea area = gatesOpened();
        typeAtTheTop(area, "# draft\n");

        fixture.stop();
        dev.evalbench.app.WorkbenchApp.awaitSettingsSaved();
        try (var kept = Files.list(fixture.settings.resolveSibling("recovery"))) {
            assertThat(kept.toList()).singleElement().satisfies(f -> assertThat(Files.readString(f)).contains("# draft"));
        }
        assertThat(Files.readString(gates)).isEqualTo(was);

        fixture.start();
        waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#kept-edits").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        assertThat(label("#kept-edits-text")).startsWith("Unsaved edits to gates.yaml were kept when the workbench was stopped");
        CodeArea again = robot.lookup("#config-code").queryAs(CodeArea.class);
        assertThat(FxWait.read(() -> again.getText())).as("offered, not put in unasked").isEqualTo(was);
        robot.clickOn("#kept-edits-restore");
        waitFor(5, TimeUnit.SECONDS, () -> FxWait.read(() -> again.getText()).startsWith("# draft\n"));
        waitFor(5, TimeUnit.SECONDS, () -> "gates.yaml *".equals(FxWait.read(() -> selectedTab().getText())));
    }

    /**
     * Edits that hold a configured API key (pasted into a comment) are not kept at such a stop: the workbench writes no
     * copy of a key outside the workspace by nobody's choice.
     */
    @Test
    void editsHoldingAConfiguredKeyAreNotKeptAtAStop() throws Exception {
        String key = "sk-live-4f9a8b7c6d5e4f3a2b1c0d9e";
        fixture = WorkbenchFixture.ofSample(temp).start(java.util.Map.of("OPENAI_API_KEY", key));
        waitFor(20, TimeUnit.SECONDS, () -> fixture.workbench().session().workspace() != null);
        CodeArea area = openGates();
        typeAtTheTop(area, "# the key for later: " + key + "\n");

        fixture.stop();
        dev.evalbench.app.WorkbenchApp.awaitSettingsSaved();
        Path recovery = fixture.settings.resolveSibling("recovery");
        if (Files.isDirectory(recovery)) {
            try (var kept = Files.list(recovery)) {
                assertThat(kept.toList()).as("nothing kept").isEmpty();
            }
        }
        assertThat(Files.readString(fixture.workspace.resolve("gates.yaml"))).doesNotContain(key);
        fixture.start(); // as the other tests leave it, for the closing check
    }

    /** The sample's window with gates.yaml opened from the tree by keys (below the tree's fold); its text area. */
    private CodeArea gatesOpened() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp).start();
        waitFor(20, TimeUnit.SECONDS, () -> fixture.workbench().session().workspace() != null);
        gates = fixture.workspace.resolve("gates.yaml");
        was = Files.readString(gates);
        return openGates();
    }

    private CodeArea openGates() throws Exception {
        // A click on the window's status bar first, where it does nothing (the middle of the window, over a run's results,
        // is their Rerun failing button).
        robot.clickOn(robot.lookup("#status-message").queryAs(javafx.scene.Node.class));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        // Typed once the tree has the keyboard: typed before, "gates" went to whatever had it.
        javafx.scene.control.TreeView<?> tree = robot.lookup("#workspace-tree").queryAs(javafx.scene.control.TreeView.class);
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(tree::isFocused));
        robot.write("gates");
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> String.valueOf(tree.getSelectionModel().getSelectedItem())
                .contains("gates.yaml")));
        robot.push(KeyCode.ENTER);
        waitFor(10, TimeUnit.SECONDS, () -> selectedTab() != null && "gates.yaml".equals(selectedTab().getText()));
        CodeArea area = robot.lookup("#config-code").queryAs(CodeArea.class);
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> area.getText().startsWith("gates:")));
        return area;
    }

    /** Types {@code text} at the start of the file, and waits for the tab to say it has unsaved edits. */
    private void typeAtTheTop(CodeArea area, String text) throws Exception {
        // The keyboard in the text first: a loaded CI run typed while the tree still had it, and the text stayed as read.
        robot.interact(() -> {
            area.requestFocus();
            area.moveTo(0);
        });
        waitFor(5, TimeUnit.SECONDS, () -> FxWait.read(area::isFocused));
        robot.write(text);
        waitFor(5, TimeUnit.SECONDS, () -> "gates.yaml *".equals(FxWait.read(() -> selectedTab().getText())));
    }

    /** Selects the part {@code from}..{@code to} of the first occurrence of {@code anchor}, the keyboard in the text. */
    private void select(CodeArea area, String anchor, int from, int to) {
        robot.interact(() -> {
            int at = area.getText().indexOf(anchor);
            area.requestFocus();
            area.selectRange(at + from, at + to);
        });
    }

    private String label(String id) throws Exception {
        return FxWait.read(() -> robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse(""));
    }
}
