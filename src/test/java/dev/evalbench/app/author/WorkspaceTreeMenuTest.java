package dev.evalbench.app.author;

import static dev.evalbench.app.FxWait.waitFor;
import static dev.evalbench.app.FxWait.waitUntilShown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The workspace tree's menu in the real window, on a copy of the sample workspace. */
@dev.evalbench.app.SharesFxToolkit
class WorkspaceTreeMenuTest extends TriageWindowTestBase {

    /**
     * The tree's menu (a right click, Shift+F10): a file's path to the clipboard (for a terminal), its folder to the
     * desktop's file manager (a recorder stands in for it), and the file opened. A group row has no file to open:
     * its menu shows the group's folder. The tree had no menu: a right click did nothing.
     */
    @Test
    void theTreesMenuCopiesAFilesPathShowsItsFolderAndOpensIt() throws Exception {
        java.util.List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> fixture.workbench().window().documentOpener(opened::add));
        Path tickets = fixture.workspace.resolve("datasets/tickets.jsonl");

        menuItemOf("tickets.jsonl", "#tree-copy-path");
        javafx.scene.control.ContextMenu menu = robot.lookup("#workspace-tree").queryAs(javafx.scene.control.TreeView.class)
                .getContextMenu();
        assertThat(FxWait.read(() -> menu.getItems().stream().map(i -> i.getText() + (i.isDisable() ? " (off)" : "")).toList()))
                .containsExactly("Open (Enter)", "Show in folder", "Copy path");
        robot.clickOn("#tree-copy-path");
        waitFor(5, TimeUnit.SECONDS,
                () -> tickets.toString().equals(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        assertThat(robot.lookup("#status-message").queryLabeled().getText()).isEqualTo("Copied " + tickets);

        menuItemOf("tickets.jsonl", "#tree-show-folder");
        robot.clickOn("#tree-show-folder");
        Path datasets = fixture.workspace.resolve("datasets");
        waitFor(10, TimeUnit.SECONDS, () -> opened.equals(java.util.List.of(datasets.toUri().toString())));
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#status-message").queryLabeled().getText()
                .equals("Asked the desktop to open " + datasets + " in its file manager."));

        menuItemOf("prompts", "#tree-show-folder");
        assertThat(FxWait.read(() -> menu.getItems().stream().map(i -> i.getText() + (i.isDisable() ? " (off)" : "")).toList()))
                .containsExactly("Open (Enter) (off)", "Show in folder", "Copy path");
        robot.clickOn("#tree-show-folder");
        String prompts = fixture.workspace.resolve("prompts").toUri().toString();
        waitFor(10, TimeUnit.SECONDS, () -> opened.size() == 2 && opened.get(1).equals(prompts));

        menuItemOf("tickets.jsonl", "#tree-open");
        robot.clickOn("#tree-open");
        waitFor(10, TimeUnit.SECONDS, () -> selectedTab() != null && "tickets.jsonl (cases)".equals(selectedTab().getText()));
    }

    /**
     * From the keyboard alone, with the workspace and runs column hidden (Ctrl+B): Ctrl+Shift+E brings it back with
     * the tree's first file selected; typing a file's name selects it and Enter opens it; Ctrl+H brings the hidden
     * column back for the runs list.
     * (Ctrl+H gave the keyboard to a list nobody could see.)
     */
    @Test
    void ctrlShiftEGoesToTheFilesAndCtrlHToTheRunsEvenWithTheColumnHidden() throws Exception {
        var window = fixture.workbench().window();
        javafx.scene.control.TreeView<?> tree = robot.lookup("#workspace-tree").queryAs(javafx.scene.control.TreeView.class);
        robot.push(KeyCode.CONTROL, KeyCode.B);
        waitFor(5, TimeUnit.SECONDS, window::leftColumnHidden);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        waitFor(5, TimeUnit.SECONDS, () -> !window.leftColumnHidden() && tree.isFocused());
        assertThat(FxWait.read(() -> selectedRow(tree))).contains("label=reply-rubric.yaml  r1,");
        // Typing a name selects the file, below the fold too: "ti" is tickets.jsonl, "gat" gates.yaml.
        robot.write("ti");
        waitFor(5, TimeUnit.SECONDS, () -> selectedRow(tree).contains("label=tickets.jsonl,"));
        org.testfx.util.WaitForAsyncUtils.sleep(dev.evalbench.app.fx.TypeAhead.PAUSE_MS + 100, TimeUnit.MILLISECONDS);
        robot.write("gat");
        waitFor(5, TimeUnit.SECONDS, () -> selectedRow(tree).contains("label=gates.yaml,"));
        robot.push(KeyCode.ENTER);
        waitFor(10, TimeUnit.SECONDS, () -> selectedTab() != null && "gates.yaml".equals(selectedTab().getText()));

        robot.push(KeyCode.CONTROL, KeyCode.B);
        waitFor(5, TimeUnit.SECONDS, window::leftColumnHidden);
        robot.push(KeyCode.CONTROL, KeyCode.H);
        waitFor(5, TimeUnit.SECONDS, () -> !window.leftColumnHidden()
                && robot.lookup("#history-list").queryAs(javafx.scene.control.ListView.class).isFocused());
    }

    /** The tree follows the tab shown: the file it shows is selected there. */
    @Test
    void theTreeSelectsTheFileOfTheTabShown() throws Exception {
        openTriage();
        javafx.scene.control.TreeView<?> tree = robot.lookup("#workspace-tree").queryAs(javafx.scene.control.TreeView.class);
        dev.evalbench.app.DoubleClick.opening(robot, () -> treeCell("tickets.jsonl"),
                () -> selectedTab() != null && "tickets.jsonl (cases)".equals(selectedTab().getText()));
        robot.interact(() -> tree.getSelectionModel().clearSelection());
        robot.interact(() -> fixture.workbench().window().tabs().getSelectionModel().select(0));
        waitFor(5, TimeUnit.SECONDS, () -> selectedRow(tree).contains("label=triage.yaml  r4,"));
        robot.interact(() -> fixture.workbench().window().tabs().getSelectionModel().select(1));
        waitFor(5, TimeUnit.SECONDS, () -> selectedRow(tree).contains("label=tickets.jsonl,"));
    }

    /**
     * A configuration file (gates.yaml) opens in the desktop's editor for it from its tab (a recorder stands in for the
     * desktop), for an author who edits it there.
     */
    @Test
    void aConfigurationFileOpensInTheDesktopsEditorFromItsTab() throws Exception {
        java.util.List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> fixture.workbench().window().documentOpener(opened::add));
        openTriage();
        javafx.scene.paint.Paint templateGutter = gutterOf("#template-code");
        // By keys, as below the fold of the tree: to the files, "gates" typed, Enter.
        robot.clickOn(fixture.stage.getScene().getRoot()).push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        robot.write("gates").push(KeyCode.ENTER);
        waitFor(10, TimeUnit.SECONDS, () -> selectedTab() != null && "gates.yaml".equals(selectedTab().getText()));

        // Its line numbers in the theme's colours, as the template editor's (they were light grey in the dark theme).
        assertThat(gutterOf("#config-code")).isEqualTo(templateGutter);
        robot.clickOn(settled(robot.lookup("#config-open-elsewhere").query()));

        Path gates = fixture.workspace.resolve("gates.yaml");
        waitFor(10, TimeUnit.SECONDS, () -> opened.equals(java.util.List.of(gates.toUri().toString())));
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#status-message").queryLabeled().getText()
                .equals("Asked the desktop to open " + gates + " in its editor."));
    }

    /** The background of the first line number of the code area {@code id}, once it shows. */
    private javafx.scene.paint.Paint gutterOf(String id) throws Exception {
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(id + " .lineno").tryQuery().isPresent());
        return FxWait.read(() -> robot.lookup(id + " .lineno").queryAs(javafx.scene.control.Label.class).getBackground()
                .getFills().get(0).getFill());
    }

    /** The selected row of {@code tree} as its entry prints itself ("Entry[label=gates.yaml, file=…]"). FX thread. */
    private static String selectedRow(javafx.scene.control.TreeView<?> tree) {
        return String.valueOf(tree.getSelectionModel().getSelectedItem().getValue());
    }

    /**
     * Selects the tree's row {@code row} with a click and opens its menu with Shift+F10, as the keyboard does (Monocle
     * makes no menu request of a right click); waits for the menu to show {@code item}.
     */
    private void menuItemOf(String row, String item) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(settled(treeCell(row)));
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#workspace-tree").queryAs(javafx.scene.control.TreeView.class)
                .getSelectionModel().getSelectedItem() != null);
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        waitUntilShown(robot, item, 10, TimeUnit.SECONDS);
    }
}
