package dev.evalbench.app.dataset;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A case as indented JSON to edit, under the dataset's table: a heading that says which case and line, the text,
 * the reasons a save was refused (the caret moves to a syntax error's place), Save (Ctrl+S) and Cancel (Esc). Shown
 * while {@link CaseEditModel#editingProperty()} is true. Controls only. FX thread only.
 */
final class CaseEditPane extends VBox {
    CaseEditPane(CaseEditModel model) {
        super(6);
        setId("case-edit");
        setStyle("-fx-padding: 6; -fx-border-color: -color-border-default; -fx-border-width: 1 0 0 0;");
        Label heading = new Label();
        heading.setId("case-edit-heading");
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        heading.textProperty().bind(model.headingProperty());
        Label note = new Label("As the file holds it, restricted values included; saved as one line once the workspace"
                + " accepts it. Ctrl+S saves, Esc cancels.");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().add(Styles.TEXT_MUTED);

        TextArea text = new TextArea();
        text.setId("case-edit-text");
        text.setStyle("-fx-font-family: 'monospace';");
        text.setPrefRowCount(10);
        // A ticket's text is read whole, not scrolled to sideways.
        text.setWrapText(true);
        text.textProperty().bindBidirectional(model.textProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        // Esc cancels here; Ctrl+S is the window's, which saves the case open in the tab shown (OpenFiles.saveSelected).
        text.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.cancel();
                e.consume();
            }
        });

        Label error = new Label();
        error.setId("case-edit-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        model.errorProperty().addListener((o, was, now) -> {
            if (!now.isEmpty() && model.errorLineProperty().get() > 0) {
                moveTo(text, model.errorLineProperty().get(), model.errorColumnProperty().get());
            }
        });

        Button save = new Button("Save case");
        save.setId("case-edit-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> model.save());
        Button cancel = new Button("Cancel");
        cancel.setId("case-edit-cancel");
        cancel.setOnAction(e -> model.cancel());
        HBox buttons = new HBox(8, save, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(heading, note, text, error, buttons);
        // Its ten lines whole: the table above gives up its height first (it showed six, the case's expected value cut).
        setMinHeight(Region.USE_PREF_SIZE);
        visibleProperty().bind(model.editingProperty());
        managedProperty().bind(visibleProperty());
        model.editingProperty().addListener((o, was, now) -> {
            if (!now) return;
            // At a problem's place, when the edit was opened on one (a line that is no JSON); else at the start.
            if (model.errorLineProperty().get() > 0) {
                moveTo(text, model.errorLineProperty().get(), model.errorColumnProperty().get());
            } else {
                text.requestFocus();
                text.positionCaret(0);
            }
        });
    }

    /** Puts the caret at a 1-based line and column of the text (Jackson counts columns from 1). */
    private static void moveTo(TextArea text, int line, int column) {
        String s = text.getText();
        int at = 0;
        for (int l = 1; l < line && at >= 0; l++) at = s.indexOf('\n', at) + 1;
        if (at < 0) return;
        text.requestFocus();
        text.positionCaret(Math.min(s.length(), at + Math.max(column - 1, 0)));
    }
}
