package dev.evalbench.app.reports;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The "Export report" form of one run: the baseline to compare with, the folder to write into (typed, or
 * chosen), the key to sign with (the key folder's pairs, another file, or none; a pair created in its "New key
 * pair" is chosen), Export, and what was written with buttons that open report.html in the browser and verify
 * the signed envelope at once. Bound to an {@link ExportViewModel}; FX thread only.
 */
final class ExportView extends ScrollPane {
    /**
     * @param verify opens the verify view on an envelope
     * @param open opens a written file (report.html) in the desktop's browser
     * @param showFolder shows the folder written in the desktop's file manager
     */
    ExportView(ExportViewModel vm, Consumer<Path> verify, Consumer<Path> open, Consumer<Path> showFolder) {
        setId("export-view");
        setFitToWidth(true);
        // Opaque viewport: the window's "nothing open" hint lies under the tabs.
        setStyle("-fx-background: -color-bg-default; -fx-background-color: -color-bg-default;");
        Label title = new Label("Export the report of run " + vm.runId());
        title.getStyleClass().add(Styles.TITLE_4);
        Label what = new Label();
        what.setId("export-writes");
        what.textProperty().bind(vm.writesProperty());
        what.setWrapText(true);
        what.getStyleClass().add(Styles.TEXT_MUTED);

        ComboBox<ExportViewModel.Baseline> baseline = new ComboBox<>(vm.baselines());
        baseline.setId("export-baseline");
        baseline.valueProperty().bindBidirectional(vm.baselineProperty());
        baseline.setMaxWidth(Double.MAX_VALUE);

        TextField folder = new TextField();
        folder.setId("export-folder");
        folder.textProperty().bindBidirectional(vm.folderProperty());
        Button chooseFolder = new Button("Choose…");
        chooseFolder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the report");
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) vm.folderProperty().set(dir.toString());
        });
        HBox folderRow = new HBox(6, folder, chooseFolder);
        HBox.setHgrow(folder, Priority.ALWAYS);

        ComboBox<Path> key = new ComboBox<>();
        key.setId("export-key");
        key.setMaxWidth(Double.MAX_VALUE);
        key.setButtonCell(new KeyCell());
        key.setCellFactory(l -> new KeyCell());
        KeyChoice.bind(key, vm.keys().privateKeys(), vm.signWithProperty(), true);
        Button otherKey = new Button("Other key…");
        otherKey.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Private key to sign with (NAME.key, with NAME.pub beside it)");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Ed25519 private key", "*.key"));
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                vm.signWithProperty().set(file.toPath()); // listed and shown chosen (KeyChoice)
            }
        });
        HBox keyRow = new HBox(6, key, otherKey);
        HBox.setHgrow(key, Priority.ALWAYS);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Compare with"), baseline);
        form.addRow(1, new Label("Folder"), folderRow);
        form.addRow(2, new Label("Sign with"), keyRow);
        GridPane.setHgrow(baseline, Priority.ALWAYS);
        GridPane.setHgrow(folderRow, Priority.ALWAYS);
        GridPane.setHgrow(keyRow, Priority.ALWAYS);

        Button export = new Button("Export report", new FontIcon("fth-file-text"));
        export.setId("export-run");
        export.getStyleClass().add(Styles.ACCENT);
        export.setDefaultButton(true);
        export.disableProperty().bind(vm.busyProperty());
        export.setOnAction(e -> vm.export());
        Label outcome = new Label();
        outcome.setId("export-outcome");
        outcome.setWrapText(true);
        outcome.setStyle("-fx-font-family: 'monospace';");
        outcome.textProperty().bind(vm.outcomeProperty());
        outcome.managedProperty().bind(outcome.textProperty().isNotEmpty());
        Button verifyIt = new Button("Verify it", new FontIcon("fth-shield"));
        verifyIt.setId("export-verify");
        verifyIt.visibleProperty().bind(vm.envelopeProperty().isNotNull());
        verifyIt.managedProperty().bind(verifyIt.visibleProperty());
        verifyIt.setOnAction(e -> verify.accept(vm.envelopeProperty().get()));
        // The page a reviewer reads, as the pull request will show it: in the desktop's browser.
        Button openPage = new Button("Open report.html", new FontIcon("fth-external-link"));
        openPage.setId("export-open-html");
        openPage.visibleProperty().bind(vm.htmlProperty().isNotNull());
        openPage.managedProperty().bind(openPage.visibleProperty());
        openPage.setOnAction(e -> open.accept(vm.htmlProperty().get()));
        // The files go to the pull request as attachments: their folder, where a reviewer drags them from.
        Button written = new Button("Show in folder", new FontIcon("fth-folder"));
        written.setId("export-show-folder");
        written.visibleProperty().bind(vm.htmlProperty().isNotNull());
        written.managedProperty().bind(written.visibleProperty());
        written.setOnAction(e -> showFolder.accept(vm.htmlProperty().get().getParent()));
        HBox afterExport = new HBox(8, openPage, written, verifyIt);
        afterExport.managedProperty().bind(openPage.visibleProperty().or(verifyIt.visibleProperty()));

        VBox body = new VBox(10, title, what, form, export, ReportsText.problem("export-problem", vm.problemProperty()),
                outcome, afterExport, new KeyPairPane(vm.keys(), "export", vm.signWithProperty()::set));
        body.setStyle("-fx-padding: 12; -fx-background-color: -color-bg-default;");
        body.setMaxWidth(760);
        setContent(body);
    }

    /** A key file by its name and folder; the empty entry reads "do not sign". */
    static final class KeyCell extends javafx.scene.control.ListCell<Path> {
        @Override
        protected void updateItem(Path item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : SigningKeysLabel.of(item));
        }
    }
}
