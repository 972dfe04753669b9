package dev.evalbench.app.reports;

import atlantafx.base.theme.Styles;
import dev.evalbench.app.fx.DisabledTooltip;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Verify report": open or drop a signed report's envelope and see each signature and each signed file with
 * its result (icon and word), every problem and note in the verifier's words, and approve it with your key. Dropping a
 * file anywhere on the view opens it. Bound to a {@link VerifyViewModel}; FX thread only.
 */
final class VerifyView extends ScrollPane {
    VerifyView(VerifyViewModel vm) {
        setId("verify-view");
        setFitToWidth(true);
        // Opaque viewport: the window's "nothing open" hint lies under the tabs.
        setStyle("-fx-background: -color-bg-default; -fx-background-color: -color-bg-default;");
        Label title = new Label("Verify a signed report");
        title.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label("Drop report.intoto.json here, or open it. Signatures are checked against the public keys in "
                + vm.keys().keyFolder() + "; report.json and report.md beside the envelope and the input files under the"
                + " folder below against their signed digests (report.html is not signed: approving names you on it).");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);

        TextField envelope = new TextField();
        envelope.setId("verify-envelope");
        envelope.setPromptText("report.intoto.json");
        envelope.textProperty().bindBidirectional(vm.envelopeProperty());
        envelope.setOnAction(e -> vm.verify());
        Button open = new Button("Open…", new FontIcon("fth-folder"));
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Signed report (report.intoto.json)");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("DSSE envelope", "*.json"));
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) vm.open(file.toPath());
        });
        Button verify = new Button("Verify", new FontIcon("fth-shield"));
        verify.setId("verify-run");
        verify.getStyleClass().add(Styles.ACCENT);
        verify.setOnAction(e -> vm.verify());
        HBox envelopeRow = row(new Label("Envelope"), envelope, open, verify);

        TextField workspace = new TextField();
        workspace.setId("verify-workspace");
        workspace.textProperty().bindBidirectional(vm.workspaceProperty());
        Button chooseWorkspace = new Button("Choose…");
        chooseWorkspace.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(getScene().getWindow());
            if (dir != null) vm.workspaceProperty().set(dir.toString());
        });
        Button trust = new Button("Trust a public key…", new FontIcon("fth-key"));
        trust.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Ed25519 public key", "*.pub"));
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) vm.trust(file.toPath());
        });
        HBox workspaceRow = row(new Label("Input files under"), workspace, chooseWorkspace, trust);
        javafx.scene.control.CheckBox absent = new javafx.scene.control.CheckBox(
                "Input files may be absent: check the signatures, report.json and the records it binds");
        absent.setId("verify-inputs-may-be-absent");
        absent.selectedProperty().bindBidirectional(vm.inputsMayBeAbsentProperty());
        absent.selectedProperty().addListener((o, was, now) -> {
            if (vm.envelopeProperty().get() != null && !vm.envelopeProperty().get().isBlank()) vm.verify();
        });

        Label verdict = new Label();
        verdict.setId("verify-verdict");
        verdict.textProperty().bind(vm.headlineProperty());
        verdict.getStyleClass().add(Styles.TITLE_4);
        vm.verdictProperty().addListener((o, was, now) -> {
            if (now == null) {
                verdict.setGraphic(null);
                verdict.setStyle("");
            } else {
                ReportsText.paint(verdict, now);
            }
        });
        Label problems = lines("verify-problems", vm.problems(), "• ", Styles.DANGER);

        Label notes = lines("verify-notes", vm.notes(), "Note: ", Styles.TEXT_MUTED);

        ComboBox<Path> approveKey = new ComboBox<>();
        approveKey.setId("approve-key");
        approveKey.setPromptText("your key");
        approveKey.setButtonCell(new ExportView.KeyCell());
        approveKey.setCellFactory(l -> new ExportView.KeyCell());
        KeyChoice.bind(approveKey, vm.keys().privateKeys(), vm.approveWithProperty(), false);
        Button approve = new Button("Approve", new FontIcon("fth-check-square"));
        approve.setId("approve-run");
        approve.disableProperty().bind(vm.verdictProperty().isNotEqualTo(CheckRow.State.VALID));
        approve.setOnAction(e -> vm.approve());
        Tooltip approveTip = new Tooltip();
        approveTip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            CheckRow.State v = vm.verdictProperty().get();
            return v == CheckRow.State.VALID
                    ? "Add your signature to this report's envelope, and your name to its report.html"
                    : v == CheckRow.State.INVALID
                    ? "This report did not verify: only a report whose signatures and files all check can be approved"
                    : "Open a signed report and verify it first: only a report that verifies can be approved";
        }, vm.verdictProperty()));
        approve.setTooltip(approveTip);
        Label approval = new Label();
        approval.setId("approve-outcome");
        approval.setWrapText(true);
        approval.textProperty().bind(vm.approvalProperty());
        HBox approveRow = row(new Label("Approve as a second signer with"), approveKey, DisabledTooltip.wrap(approve));

        // The problems right under the verdict: "INVALID: 12 problems" says nothing until they are read.
        VBox body = new VBox(10, title, hint, envelopeRow, workspaceRow, absent,
                ReportsText.problem("verify-problem", vm.problemProperty()), verdict, problems, heading("Signatures"),
                new CheckTable("verify-signatures", "Signer", vm.signatures()), heading("Signed files"),
                new CheckTable("verify-files", "File", vm.files()), notes, approveRow, approval,
                // The pair made here is the one to approve with, as the export form signs with the pair made there.
                new KeyPairPane(vm.keys(), "verify", created -> vm.approveWithProperty().set(created)));
        body.setStyle("-fx-padding: 12; -fx-background-color: -color-bg-default;");
        setContent(body);
        setOnDragOver(this::acceptFiles);
        setOnDragDropped(e -> {
            List<File> dropped = e.getDragboard().getFiles();
            boolean ok = e.getDragboard().hasFiles() && !dropped.isEmpty();
            if (ok) vm.open(dropped.get(0).toPath());
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void acceptFiles(DragEvent e) {
        if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
        e.consume();
    }

    /** One line per item of {@code items}, each after {@code prefix}; takes no room while there is none. */
    private static Label lines(String id, javafx.collections.ObservableList<String> items, String prefix, String style) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(style);
        items.addListener((ListChangeListener<String>) c ->
                label.setText(items.stream().map(item -> prefix + item).reduce((a, b) -> a + "\n" + b).orElse("")));
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        return label;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static HBox row(Label label, javafx.scene.Node grow, javafx.scene.Node... rest) {
        HBox box = new HBox(6, label, grow);
        box.getChildren().addAll(rest);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(grow, Priority.ALWAYS);
        return box;
    }
}
