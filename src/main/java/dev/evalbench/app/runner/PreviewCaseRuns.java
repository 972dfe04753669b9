package dev.evalbench.app.runner;

import dev.evalbench.app.editor.CaseChoice;
import dev.evalbench.app.editor.TemplateEditorView;
import dev.evalbench.app.shell.MainWindow;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The template editor's "Run case" and Ctrl+Enter: the preview case of the template shown, run on the routes chosen
 * in the tool bar, to see what the model makes of the one case being read rather than paying for the suites whole.
 * Each editor tab is handed the run as it opens (the editor knows nothing of runs). FX thread only.
 */
final class PreviewCaseRuns {
    /** Said when Ctrl+Enter finds no template with a case in front. */
    static final String NOTHING = "Nothing to run here: Ctrl+Enter runs the preview case of the template shown; open a"
            + " template (double-click it in the workspace) and choose its case.";

    private PreviewCaseRuns() {}

    /** @param run starts a run of the case (refusals are said by the launcher) */
    static void install(MainWindow window, Consumer<CaseChoice> run) {
        window.tabs().getTabs().forEach(tab -> handTo(tab, run));
        window.tabs().getTabs().addListener((ListChangeListener<Tab>) change -> {
            while (change.next()) change.getAddedSubList().forEach(tab -> handTo(tab, run));
        });
        window.shortcuts().add(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), "Editor",
                "Run the template's preview case on the routes chosen in the tool bar", () -> {
                    Tab shown = window.tabs().getSelectionModel().getSelectedItem();
                    boolean ran = shown != null && shown.getContent() instanceof TemplateEditorView editor
                            && editor.runPreviewCase();
                    if (!ran) window.status(NOTHING);
                });
    }

    private static void handTo(Tab tab, Consumer<CaseChoice> run) {
        if (tab.getContent() instanceof TemplateEditorView editor) editor.setOnRunCase(run);
    }
}
