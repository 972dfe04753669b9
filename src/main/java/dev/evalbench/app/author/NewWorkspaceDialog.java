package dev.evalbench.app.author;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * "New workspace…": asks for the folder of a new workspace ({@code evalbench init}'s), typed or chosen; a folder that
 * does not exist yet is made, which a folder chooser cannot offer. Suggests a new folder beside the open workspace
 * (or in the home folder), found off the FX thread ({@link #suggestion}). Create is off while the field is empty.
 * {@link #ask} on the FX thread only.
 */
final class NewWorkspaceDialog {
    private NewWorkspaceDialog() {}

    /** The folder typed or chosen, or empty when cancelled. */
    static Optional<Path> ask(Window owner, Path suggested, Path home) {
        TextField folder = new TextField(suggested.toString());
        folder.setId("new-workspace-folder");
        folder.setPrefColumnCount(40);
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder of the new workspace");
            File chosen = chooser.showDialog(owner);
            if (chosen != null) folder.setText(chosen.toString());
        });
        choose.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(6, folder, choose);
        HBox.setHgrow(folder, Priority.ALWAYS);
        Label hint = new Label("Evalbench writes a workspace that runs as it is, offline: one prompt, eight cases, three"
                + " safety probes, an output schema, a policy, six gates and a keyword model. It writes nothing over a"
                + " file; a folder that does not exist yet is made.");
        hint.setWrapText(true);
        hint.setMaxWidth(520);
        hint.getStyleClass().add("text-muted");
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("New workspace");
        dialog.getDialogPane().setId("new-workspace");
        dialog.getDialogPane().setContent(new VBox(10, new Label("Folder"), row, hint));
        ButtonType create = new ButtonType("Create", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(create).disableProperty().bind(folder.textProperty().isEmpty());
        dialog.setOnShown(e -> {
            folder.requestFocus();
            folder.selectAll();
        });
        Path besides = suggested.toAbsolutePath().getParent();
        return dialog.showAndWait().filter(b -> b == create).flatMap(b -> path(folder.getText().strip(), home, besides));
    }

    /**
     * The folder typed: "~/" is the home folder, as a shell reads it; a relative name lies beside the suggested folder
     * (the folder the field showed), not in the window process's working folder, which the author never sees.
     */
    private static Optional<Path> path(String typed, Path home, Path besides) {
        if (typed.isEmpty()) return Optional.empty();
        try {
            Path path = typed.startsWith("~/") ? home.resolve(typed.substring(2)) : Path.of(typed);
            return Optional.of(path.isAbsolute() || besides == null ? path : besides.resolve(path));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * "my-evals" beside {@code besides} (or in {@code home}), with a number when taken: "my-evals-2". Reads the
     * file system: not on the FX thread.
     */
    static Path suggestion(Path besides, Path home) {
        Path parent = besides != null && besides.toAbsolutePath().getParent() != null
                ? besides.toAbsolutePath().getParent() : home;
        Path candidate = parent.resolve("my-evals");
        for (int n = 2; Files.exists(candidate) && n < 100; n++) candidate = parent.resolve("my-evals-" + n);
        return candidate;
    }
}
