package dev.evalbench.app.author;

import dev.evalbench.app.editor.TemplateEditorModel;
import dev.evalbench.app.editor.TemplateEditorModel.GuardChoice;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks what to do with unsaved edits before they would go away (closing a tab, switching workspace, closing
 * the window): save, discard or cancel, one editor after the other. The confirmation is the one dialog the
 * author sees; the changelog line itself is asked inline in the editor. FX thread only.
 */
final class UnsavedEdits {
    private static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    private static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);

    private final java.util.function.Supplier<Window> owner;

    UnsavedEdits(java.util.function.Supplier<Window> owner) {
        this.owner = owner;
    }

    GuardChoice ask(String file) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, file + " has unsaved edits.", SAVE, DISCARD, ButtonType.CANCEL);
        alert.setTitle("Unsaved edits");
        alert.setHeaderText("Save the edits to " + file + " as a new revision?");
        if (owner.get() != null) alert.initOwner(owner.get());
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == SAVE ? GuardChoice.SAVE : answer == DISCARD ? GuardChoice.DISCARD : GuardChoice.CANCEL;
    }

    /** A configuration file's edits: saved (once the workspace reads with them, as Ctrl+S saves), discarded or kept. */
    GuardChoice askConfig(String file) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, file + " has unsaved edits. Save writes them once the"
                + " workspace reads with them, as Ctrl+S does; Cancel goes back to them.", SAVE, DISCARD, ButtonType.CANCEL);
        alert.setTitle("Unsaved edits");
        alert.setHeaderText("Save the edits to " + file + "?");
        if (owner.get() != null) alert.initOwner(owner.get());
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == SAVE ? GuardChoice.SAVE : answer == DISCARD ? GuardChoice.DISCARD : GuardChoice.CANCEL;
    }

    /**
     * Whether the typing in a case open to edit in a dataset's tab may go ({@code subject}: "case t002"); a case is saved
     * by its own Save once the workspace accepts it, so the choice here is to discard it or to go back to it.
     */
    boolean discardCase(String file, String subject) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The edit of " + subject + " is not saved to " + file
                + ". Cancel goes back to it, to save it there.", DISCARD, ButtonType.CANCEL);
        alert.setTitle("Unsaved edits");
        alert.setHeaderText("Discard the edit of " + subject + "?");
        if (owner.get() != null) alert.initOwner(owner.get());
        return alert.showAndWait().orElse(ButtonType.CANCEL) == DISCARD;
    }

    /** Runs {@code proceed} once every editor's edits are saved or discarded; stops at the first cancel. */
    void guardAll(List<TemplateEditorModel> editors, Runnable proceed) {
        List<TemplateEditorModel> rest = new ArrayList<>(editors);
        if (rest.isEmpty()) {
            proceed.run();
            return;
        }
        TemplateEditorModel first = rest.remove(0);
        first.guard(() -> ask(first.file()), () -> guardAll(rest, proceed));
    }
}
