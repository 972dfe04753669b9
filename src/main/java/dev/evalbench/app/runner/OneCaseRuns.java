package dev.evalbench.app.runner;

import dev.evalbench.app.dataset.DatasetView;
import dev.evalbench.app.editor.TemplateEditorView;
import dev.evalbench.app.shell.MainWindow;
import java.util.function.BiConsumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * A case run alone, on the routes chosen in the tool bar: the template editor's "Run case" (its preview case), a
 * dataset tab's "Run this case" (the case selected), and Ctrl+Enter in either. To see what the model makes of the one
 * case being read, rather than paying for the suites whole. Each such tab is handed the run as it opens (the editor
 * and the dataset know nothing of runs). FX thread only.
 */
final class OneCaseRuns {
    /** Said when Ctrl+Enter finds no template or dataset with a case in front. */
    static final String NOTHING = "Nothing to run here: Ctrl+Enter runs the preview case of the template shown, or the"
            + " case selected in a dataset's tab.";

    private OneCaseRuns() {}

    /** @param run starts a run of the suite's case (refusals are said by the launcher) */
    static void install(MainWindow window, BiConsumer<String, String> run) {
        window.tabs().getTabs().forEach(tab -> handTo(tab, run));
        window.tabs().getTabs().addListener((ListChangeListener<Tab>) change -> {
            while (change.next()) change.getAddedSubList().forEach(tab -> handTo(tab, run));
        });
        window.shortcuts().add(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), "Run",
                "Run one case: the template's preview case, or the case selected in a dataset", () -> {
                    Tab shown = window.tabs().getSelectionModel().getSelectedItem();
                    Object content = shown == null ? null : shown.getContent();
                    boolean ran = content instanceof TemplateEditorView editor ? editor.runPreviewCase()
                            : content instanceof DatasetView dataset && dataset.runSelectedCase();
                    if (!ran) window.status(NOTHING);
                });
    }

    private static void handTo(Tab tab, BiConsumer<String, String> run) {
        if (tab.getContent() instanceof TemplateEditorView editor) editor.setOnRunCase(c -> run.accept(c.suite(), c.id()));
        if (tab.getContent() instanceof DatasetView dataset) dataset.setOnRunCase(run);
    }
}
