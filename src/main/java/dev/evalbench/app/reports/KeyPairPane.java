package dev.evalbench.app.reports;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "New key pair", folded under the export and verify forms: the signer's name (carried by both key files and
 * shown on reports), a file name and a folder (the user's key folder by default), and a button that writes
 * NAME.key (owner-only) and NAME.pub. Bound to a {@link KeysViewModel};
 * FX thread only.
 */
final class KeyPairPane extends TitledPane {
    /** @param created given the new private key file once the pair is written (the export form signs with it) */
    KeyPairPane(KeysViewModel vm, String idPrefix, java.util.function.Consumer<java.nio.file.Path> created) {
        setText("New key pair");
        setExpanded(false);
        setAnimated(false);
        setId(idPrefix + "-keypair");
        TextField name = new TextField();
        name.setId(idPrefix + "-key-name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField signer = new TextField();
        signer.setId(idPrefix + "-key-signer");
        signer.setPromptText("e.g. Alice Example: who signs with it, as reports name you");
        signer.textProperty().bindBidirectional(vm.signerProperty());
        TextField folder = new TextField();
        folder.setId(idPrefix + "-key-folder");
        folder.textProperty().bindBidirectional(vm.folderProperty());
        GridPane.setHgrow(folder, Priority.ALWAYS);
        Button create = new Button("Create key pair", new FontIcon("fth-key"));
        create.setId(idPrefix + "-key-create");
        create.setOnAction(e -> vm.create(created));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Signer"), signer);
        form.addRow(1, new Label("File name"), name);
        form.addRow(2, new Label("Folder"), folder);
        Label hint = new Label("The private key is written owner-only and never inside the workspace or a git work tree.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        Label outcome = new Label();
        outcome.setId(idPrefix + "-key-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcomeProperty());
        outcome.managedProperty().bind(outcome.textProperty().isNotEmpty());
        Label problem = ReportsText.problem(idPrefix + "-key-problem", vm.problemProperty());
        setContent(new VBox(6, form, hint, create, outcome, problem));
    }
}
