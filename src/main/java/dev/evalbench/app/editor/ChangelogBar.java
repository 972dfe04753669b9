package dev.evalbench.app.editor;

import atlantafx.base.theme.Styles;
import dev.evalbench.core.text.Counted;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The changelog line, asked inline when the author saves (no modal dialog): Enter saves, Esc cancels. Shown
 * while {@link TemplateEditorModel#askingChangelogProperty()} is true. When the text to be saved does not render for
 * the case previewed (a variable it does not define), a line under it says so before the revision is written: the
 * save is allowed (a file is the author's), but runs refuse the workspace until it is mended. FX thread only.
 */
final class ChangelogBar extends VBox {
    ChangelogBar(TemplateEditorModel model) {
        super(4);
        setId("changelog-bar");
        HBox row = new HBox(8);
        row.setAlignment(Pos.CENTER_LEFT);
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
        row.getChildren().addAll(new Label("Changelog for the new revision"), line, save, cancel);
        Label warning = new Label();
        warning.setId("changelog-warning");
        warning.setWrapText(true);
        warning.getStyleClass().add(Styles.DANGER);
        warning.textProperty().bind(Bindings.createStringBinding(() -> model.undefinedSummaryProperty().get().isEmpty() ? ""
                : "This revision will not render: " + Counted.uncapitalized(model.undefinedSummaryProperty().get())
                        + ". Runs refuse the workspace until it does; save it anyway, or Cancel and mend it.",
                model.undefinedSummaryProperty()));
        warning.managedProperty().bind(warning.textProperty().isNotEmpty());
        warning.visibleProperty().bind(warning.managedProperty());
        getChildren().addAll(row, warning);
        visibleProperty().bind(model.askingChangelogProperty());
        managedProperty().bind(visibleProperty());
        model.askingChangelogProperty().addListener((o, was, now) -> {
            if (now) line.requestFocus();
        });
    }

}
