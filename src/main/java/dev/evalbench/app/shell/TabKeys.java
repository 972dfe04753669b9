package dev.evalbench.app.shell;

import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The keys a desktop user expects of tabs, from anywhere in the window: Ctrl+W closes the tab shown as its × does
 * (its unsaved edits are asked about first), Ctrl+Tab and Ctrl+Shift+Tab step through the tabs, wrapping.
 * The tab pane's own Ctrl+Tab works only while the keyboard is inside it; from the workspace tree or the run
 * history it did nothing. FX thread only.
 */
public final class TabKeys {
    private final TabPane tabs;

    private TabKeys(TabPane tabs) {
        this.tabs = tabs;
    }

    /** @param afterThisEvent runs its body once the key's events are over ({@code TaskRunner.afterThisEvent}) */
    public static void install(MainWindow window, java.util.function.Consumer<Runnable> afterThisEvent) {
        TabKeys keys = new TabKeys(window.tabs());
        Shortcuts shortcuts = window.shortcuts();
        shortcuts.add(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), "Window",
                "Close the tab shown (its unsaved edits are asked about first)",
                // After the key's events: the question is a modal dialog, which opened inside the key press would
                // take the key's release (as Ctrl+Q found).
                () -> afterThisEvent.accept(keys::closeShown));
        shortcuts.add(new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN), "Window", "Next tab",
                () -> keys.step(1));
        shortcuts.add(new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN),
                "Window", "Previous tab", () -> keys.step(-1));
    }

    /** Closes the tab shown the way its close button does ({@link TabMenu#close}). */
    private void closeShown() {
        TabMenu.close(tabs, tabs.getSelectionModel().getSelectedItem());
    }

    private void step(int by) {
        int count = tabs.getTabs().size();
        if (count < 2) return;
        int at = tabs.getSelectionModel().getSelectedIndex();
        tabs.getSelectionModel().select(Math.floorMod(at + by, count));
    }
}
