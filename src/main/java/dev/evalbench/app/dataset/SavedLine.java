package dev.evalbench.app.dataset;

import dev.evalbench.core.service.EvalSetVersions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Under a dataset's actions: the sentence on what a save or delete wrote, and the suites' eval set versions given anew
 * once the author's edits are done ({@link #openVersions}): a field per suite reading the file, each holding the version
 * after its own ({@link EvalSetVersions#next}), and **Save version** writes them into evalbench.yaml (the Problems
 * panel's warning that two eval sets share a version then goes). Controls only; {@link CaseEditModel} writes. FX
 * thread only.
 */
final class SavedLine extends VBox {
    private final CaseEditModel edits;
    private final DatasetModel model;
    private final HBox fields = new HBox(8);

    SavedLine(CaseEditModel edits, DatasetModel model) {
        super(4);
        this.edits = edits;
        this.model = model;
        setStyle("-fx-padding: 0 6 6 6;");
        Label saved = new Label();
        saved.setId("dataset-saved");
        saved.setWrapText(true);
        saved.setMinHeight(Region.USE_PREF_SIZE);
        saved.textProperty().bind(edits.savedProperty());
        saved.managedProperty().bind(saved.textProperty().isNotEmpty());
        saved.visibleProperty().bind(saved.managedProperty());
        fields.setId("dataset-version-bar");
        fields.setAlignment(Pos.CENTER_LEFT);
        fields.setVisible(false);
        fields.managedProperty().bind(fields.visibleProperty());
        getChildren().addAll(saved, fields);
        managedProperty().bind(saved.textProperty().isNotEmpty().or(fields.visibleProperty()));
        visibleProperty().bind(managedProperty());
    }

    /** Opens the version fields, each at the version after the suite's own; false when no suite's version is known. */
    boolean openVersions() {
        Map<String, String> versions = model.versionsProperty().get();
        if (versions.isEmpty()) return false;
        fields.getChildren().setAll(versionFields(versions));
        fields.setVisible(true);
        fields.getChildren().stream().filter(TextField.class::isInstance).findFirst().ifPresent(n -> n.requestFocus());
        return true;
    }

    /** A label and a field per suite, then Save version and Cancel; Enter saves, Esc cancels. */
    private List<javafx.scene.Node> versionFields(Map<String, String> versions) {
        Map<String, TextField> bySuite = new LinkedHashMap<>();
        List<javafx.scene.Node> nodes = new java.util.ArrayList<>();
        Button save = new Button("Save version");
        save.setId("dataset-version-save");
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> fields.setVisible(false));
        for (Map.Entry<String, String> v : versions.entrySet()) {
            TextField field = new TextField(EvalSetVersions.next(v.getValue()));
            field.setId("dataset-version-" + v.getKey());
            field.setPrefColumnCount(12);
            field.setOnKeyPressed(e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ENTER) save.fire();
                if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) cancel.fire();
            });
            bySuite.put(v.getKey(), field);
            nodes.add(new Label("Eval set version of suite " + v.getKey() + " (now \"" + v.getValue() + "\"):"));
            nodes.add(field);
        }
        save.setOnAction(e -> {
            Map<String, String> raised = new LinkedHashMap<>();
            bySuite.forEach((suite, field) -> raised.put(suite, field.getText()));
            fields.setVisible(false);
            edits.raiseVersions(raised);
        });
        nodes.add(save);
        nodes.add(cancel);
        return nodes;
    }
}
