package dev.evalbench.app.editor;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Above an editor while edits kept at the last stop are offered ({@link Offering#offeredProperty()}): what they are,
 * and Restore or Discard. Hidden otherwise. FX thread only.
 */
public final class KeptEditsBar extends HBox {
    /** A model that offers the edits kept for its file ({@link KeptEditsOffer}): an editor's, a dataset's case edit. */
    public interface Offering {
        javafx.beans.property.ReadOnlyObjectProperty<KeptEdits.Kept> offeredProperty();

        /** What {@code kept} (offered now) are, in a sentence above the two buttons. */
        String offeredSentence(KeptEdits.Kept kept);

        void restoreKept();

        void discardKept();
    }

    /** An editor of a whole file that offers the edits kept for it: the template and configuration editors. */
    interface FileOffering extends Offering {
        String file();

        /** The file's text as read (the kept edits were made to it, or to another one). */
        javafx.beans.property.ReadOnlyStringProperty savedTextProperty();

        @Override
        default String offeredSentence(KeptEdits.Kept kept) {
            // Restored over a file changed since (a pull, another editor), the kept text would undo that change when
            // saved: said before the choice, not after.
            String changed = kept.madeToAnotherVersion(savedTextProperty().get())
                    ? " The file has changed since: restoring replaces its new text in the editor with the kept one." : "";
            return "Unsaved edits to " + file() + " were kept when the workbench was stopped at " + kept.stoppedAt()
                    + " without asking. Restore them into the editor (still unsaved), or discard them." + changed;
        }
    }

    public KeptEditsBar(Offering model) {
        super(8);
        setId("kept-edits");
        setStyle("-fx-padding: 4 6 4 6; -fx-background-color: -color-warning-subtle;");
        Label what = new Label("", new FontIcon("fth-life-buoy"));
        what.setId("kept-edits-text");
        what.setWrapText(true);
        HBox.setHgrow(what, Priority.ALWAYS);
        what.setMaxWidth(Double.MAX_VALUE);
        Button restore = new Button("Restore edits");
        restore.setId("kept-edits-restore");
        restore.getStyleClass().add(Styles.ACCENT);
        restore.setOnAction(e -> model.restoreKept());
        Button discard = new Button("Discard edits");
        discard.setId("kept-edits-discard");
        discard.setOnAction(e -> model.discardKept());
        // The sentence wraps; the buttons keep their words (squeezed, they read "...").
        restore.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        discard.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(what, restore, discard);
        model.offeredProperty().addListener((o, was, now) -> show(what, model, now));
        show(what, model, model.offeredProperty().get());
    }

    private void show(Label what, Offering model, KeptEdits.Kept kept) {
        setVisible(kept != null);
        setManaged(kept != null);
        if (kept != null) what.setText(model.offeredSentence(kept));
    }
}
