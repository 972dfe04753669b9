package dev.evalbench.app.editor;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The changelog line, asked inline when the author saves (no modal dialog): Enter saves, Esc cancels. Shown
 * while {@link TemplateEditorModel#askingChangelogProperty()} is true. FX thread only.
 */
final class ChangelogBar extends HBox {
    ChangelogBar(TemplateEditorModel model) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        setStyle("-fx-padding: 4 6 4 6; -fx-background-color: -color-accent-subtle;");
        TextField line = new TextField();
        line.setId("changelog");
        line.setPromptText("What changed, in one line (required)");
        line.textProperty().bindBidirectional(model.changelogProperty());
        HBox.setHgrow(line, Priority.ALWAYS);
        Button save = new Button("Save");
        save.setId("changelog-save");
        save.setDefaultButton(false);
        save.setOnAction(e -> model.save());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> model.cancelSave());
        line.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) model.save();
            if (e.getCode() == KeyCode.ESCAPE) model.cancelSave();
        });
        getChildren().addAll(new Label("Changelog for the new revision"), line, save, cancel);
        visibleProperty().bind(model.askingChangelogProperty());
        managedProperty().bind(visibleProperty());
        model.askingChangelogProperty().addListener((o, was, now) -> {
            if (now) line.requestFocus();
        });
    }
}
