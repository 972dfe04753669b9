package dev.evalbench.app.reports;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.DrawnWhole;
import dev.evalbench.app.FxWait;
import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.history.RunRow;
import dev.evalbench.core.report.sign.Ed25519Keys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real window over a history with one offline run of the sample: create a key pair in the app, export the
 * run's signed report from its results tab, verify it (valid), verify it against a copy of the workspace with
 * one byte of an input file changed (invalid, the file named), approve it with a second key and verify again
 * (two valid signatures). Keys go to a key folder under the test's temp folder (XDG_CONFIG_HOME).
 */
@dev.evalbench.app.SharesFxToolkit
class ReportsWindowTest extends WindowTestBase {
    private Path keyFolder;

    @BeforeEach
    void runOnceThenStart() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        try (SampleHistory history = SampleHistory.of(fixture.workspace)) {
            history.run();
        }
        keyFolder = temp.resolve("xdg/evalbench/keys");
        fixture.start(Map.of("XDG_CONFIG_HOME", temp.resolve("xdg").toString()));
    }

    @Test
    void exportASignedReportVerifyItSeeATamperedInputNamedThenApproveAsASecondSigner() throws Exception {
        @SuppressWarnings("unchecked")
        ListView<RunRow> runs = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(20, TimeUnit.SECONDS, () -> runs.getItems().size() == 1);
        String runId = runs.getItems().get(0).id();
        // Ctrl+E before any run is open says what it exports and how to open one, rather than nothing.
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.E)
                .release(javafx.scene.input.KeyCode.E, javafx.scene.input.KeyCode.CONTROL);
        waitFor(5, TimeUnit.SECONDS, () -> text("#status-message").startsWith("Nothing to export here: Ctrl+E exports"));
        // So does the key of a results tab's "Baseline".
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.B);
        waitFor(5, TimeUnit.SECONDS, () -> text("#status-message").equals("Nothing to compare here: the key compares the"
                + " run of the results tab shown with the baseline; show one, or open a run from the history (Ctrl+H,"
                + " then Enter)."));
        dev.evalbench.app.DoubleClick.newestRun(robot);
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#export-report-button").tryQuery().isPresent());
        robot.clickOn("#export-report-button");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#export-view").tryQuery().isPresent());

        // A key pair made in the app: owner-only, in the user's key folder, outside the workspace.
        createKey("export", "author", "Ada Author");
        Path authorKey = keyFolder.resolve("author.key");
        assertThat(Files.getPosixFilePermissions(authorKey)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(keyFolder.resolve("author.pub")).exists();
        assertThat(authorKey.toAbsolutePath().normalize().startsWith(fixture.workspace.toAbsolutePath().normalize())).as("inside the workspace").isFalse();
        assertThat(text("#export-key-outcome")).contains("owner-only").contains(authorKey.toString());

        Path out = temp.resolve("report-out");
        @SuppressWarnings("unchecked")
        ComboBox<Path> key = robot.lookup("#export-key").queryAs(ComboBox.class);
        // The pair just made is the one the report will be signed with (it stayed on "do not sign": a user who made
        // a key to sign with exported unsigned), listed once.
        waitFor(10, TimeUnit.SECONDS, () -> authorKey.equals(key.getValue()));
        assertThat(FxWait.read(() -> key.getItems().stream().filter(authorKey::equals).count())).isEqualTo(1);
        // And the field says so: it read blank, with the key chosen behind it.
        assertThat(FxWait.read(() -> key.getButtonCell().getText())).isEqualTo(SigningKeysLabel.of(authorKey));
        robot.interact(() -> robot.lookup("#export-folder").queryAs(TextField.class).setText(out.toString()));
        // A laptop's short window, the form scrolled to its top: the outcome and its button must still come on screen.
        robot.interact(() -> fixture.stage.setHeight(560));
        scroll("export", 0);
        robot.clickOn("#export-run");
        waitFor(60, TimeUnit.SECONDS, () -> !text("#export-outcome").isEmpty() || !text("#export-problem").isEmpty());
        assertThat(text("#export-problem")).isEmpty();
        assertThat(text("#export-outcome")).contains("report.json").contains("report.md").contains("report.html")
                .contains("report.intoto.json, signed by Ada Author (ed25519:");
        assertThat(out.resolve("report.intoto.json")).exists();
        // Kept for the next export form, and the next session's (the settings are saved on close).
        assertThat(FxWait.read(() -> fixture.workbench().settings().signingKey)).isEqualTo(authorKey.toString());
        // The page names the signer by the name the key carries, unverified, with the key's fingerprint.
        String authorFingerprint = Ed25519Keys.fingerprint(Ed25519Keys.readPublicKey(keyFolder.resolve("author.pub")));
        assertThat(Files.readString(out.resolve("report.html"))).contains("Signed by").contains("<strong>Ada Author</strong> (name unverified)")
                .contains(authorFingerprint);

        // The page, in the desktop's browser (here a recorder stands in for it): the report.html just written.
        java.util.List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> fixture.workbench().window().documentOpener(opened::add));
        waitFor(10, TimeUnit.SECONDS, () -> onScreen("export", "#export-open-html"));
        robot.clickOn("#export-open-html");
        waitFor(10, TimeUnit.SECONDS, () -> opened.equals(java.util.List.of(out.resolve("report.html").toUri().toString())));
        waitFor(10, TimeUnit.SECONDS, () -> text("#status-message").equals("Asked the desktop to open " + out.resolve("report.html")
                + " in its browser."));
        // And the folder, where the files are taken from to attach them to the pull request.
        robot.clickOn("#export-show-folder");
        waitFor(10, TimeUnit.SECONDS, () -> opened.size() == 2 && opened.get(1).equals(out.toUri().toString()));
        waitFor(10, TimeUnit.SECONDS,
                () -> text("#status-message").equals("Asked the desktop to open " + out + " in its file manager."));

        // Verify it: every signature and every signed file valid. The "Verify it" button appears with the outcome
        // and has its place only after the next layout pulse (a click before that found it outside the window):
        // wait until both are inside the form's viewport, where the user sees them.
        waitFor(10, TimeUnit.SECONDS, () -> onScreen("export", "#export-outcome") && onScreen("export", "#export-verify"));
        robot.clickOn("#export-verify");
        // The verify tab opens on the FX thread after the click: its verdict is looked for once it is there.
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#verify-verdict").tryQuery().isPresent()
                && (text("#verify-verdict").startsWith("VALID") || text("#verify-verdict").startsWith("INVALID")));
        // The headline names the signer by the verified key's name, as the approval line does.
        assertThat(text("#verify-verdict")).startsWith("VALID: signed by Ada Author (ed25519:");
        TableView<CheckRow> signatures = table("#verify-signatures");
        TableView<CheckRow> files = table("#verify-files");
        assertThat(signatures.getItems()).extracting(CheckRow::word).containsExactly("valid");
        assertThat(files.getItems()).hasSizeGreaterThan(3).allMatch(r -> r.word().equals("valid"));
        assertThat(files.getItems()).extracting(CheckRow::what).contains("report.json");
        assertThat(cellTexts("#verify-files")).contains("valid");

        // A copy of the workspace with one byte of an input file changed: invalid, and the file is named.
        String input = files.getItems().stream().map(CheckRow::what).filter(n -> n.startsWith("datasets/")).findFirst().orElseThrow();
        Path copy = temp.resolve("tampered");
        dev.evalbench.cli.Cli.copyTree(fixture.workspace, copy);
        byte[] bytes = Files.readAllBytes(copy.resolve(input));
        bytes[bytes.length / 2] ^= 1;
        Files.write(copy.resolve(input), bytes);
        robot.interact(() -> robot.lookup("#verify-workspace").queryAs(TextField.class).setText(copy.toString()));
        robot.clickOn("#verify-run");
        waitFor(30, TimeUnit.SECONDS, () -> text("#verify-verdict").startsWith("INVALID"));
        assertThat(text("#verify-verdict")).isEqualTo("INVALID: 1 problem");
        assertThat(files.getItems()).filteredOn(r -> r.what().equals(input)).extracting(CheckRow::word).containsExactly("INVALID");
        assertThat(files.getItems()).filteredOn(r -> !r.what().equals(input)).allMatch(r -> r.word().equals("valid"));
        assertThat(text("#verify-problems")).contains(input).contains("sha256 differs");
        assertThat(cellTexts("#verify-files")).contains("INVALID");

        // Approve with a second key made in the app, then verify: two valid signatures.
        robot.interact(() -> robot.lookup("#verify-workspace").queryAs(TextField.class).setText(fixture.workspace.toString()));
        robot.clickOn("#verify-run");
        waitFor(30, TimeUnit.SECONDS, () -> text("#verify-verdict").startsWith("VALID"));
        createKey("verify", "reviewer", "Rita Reviewer");
        Path reviewerKey = keyFolder.resolve("reviewer.key");
        @SuppressWarnings("unchecked")
        ComboBox<Path> approveKey = robot.lookup("#approve-key").queryAs(ComboBox.class);
        // The pair just made is the one to approve with (it was left unchosen, beside the author's own key).
        waitFor(10, TimeUnit.SECONDS,
                () -> approveKey.getItems().contains(reviewerKey) && reviewerKey.equals(approveKey.getValue()));
        scrollToEnd("verify");
        robot.clickOn("#approve-run");
        // The signatures, the outcome line and the verdict of the verification that follows land one after
        // another on the FX thread ("Verifying…" in between): wait for all of them.
        waitFor(30, TimeUnit.SECONDS, () -> signatures.getItems().size() == 2 && text("#approve-outcome").startsWith("Approved by")
                && text("#verify-verdict").contains(", Rita Reviewer (ed25519:"));
        assertThat(text("#approve-outcome")).startsWith("Approved by Rita Reviewer (ed25519:").contains("2 signatures");
        // The next verify form, in this session or the next, offers the reviewer's key again.
        assertThat(FxWait.read(() -> fixture.workbench().settings().approvingKey)).isEqualTo(reviewerKey.toString());
        assertThat(signatures.getItems()).extracting(CheckRow::word).containsExactly("valid", "valid");
        // Verified against the keys of the key folder: each signature named by the name its trusted key carries.
        assertThat(signatures.getItems()).extracting(CheckRow::what).satisfiesExactly(
                a -> assertThat(a).startsWith("author Ada Author (name verified) ed25519:"),
                r -> assertThat(r).startsWith("approver Rita Reviewer (name verified) ed25519:"));
        assertThat(signatures.getItems().get(0).detail()).contains("fingerprint " + authorFingerprint);
        // Who signed reads whole in its column (it was cut to "approver Rita Reviewer (name verif…").
        FxWait.waitFor(10, TimeUnit.SECONDS,
                () -> signerCells().size() == 2 && signerCells().stream().allMatch(DrawnWhole::of));
        // The verifier's sentence, cut where it does not fit, is whole in its cell's tooltip (the key's
        // fingerprint ends it).
        assertThat(FxWait.read(() -> robot.lookup("#verify-signatures .table-cell")
                .queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> !c.isEmpty() && c.getTooltip() != null)
                .map(c -> c.getTooltip().getText()).toList()))
                .anyMatch(t -> t.contains("fingerprint " + authorFingerprint));
        // ...and the detail beside it takes the rest of the row, in both tables: no empty strip, no sideways scroll.
        for (TableView<CheckRow> t : List.of(signatures, files)) {
            assertThat(FxWait.read(() -> t.getWidth() - t.getColumns().stream().mapToDouble(c -> c.getWidth()).sum()))
                    .as("width left over in %s", t.getId()).isBetween(0.0, 6.0);
        }
        assertThat(text("#verify-verdict")).startsWith("VALID: signed by Ada Author (ed25519:").contains(", Rita Reviewer (ed25519:");
        assertThat(Files.readString(out.resolve("report.html"))).contains("Approved by").contains("<strong>Rita Reviewer</strong> (name unverified)");
    }

    private void createKey(String prefix, String name, String signer) throws Exception {
        robot.interact(() -> robot.lookup("#" + prefix + "-keypair").queryAs(TitledPane.class).setExpanded(true));
        scrollToEnd(prefix);
        robot.interact(() -> {
            robot.lookup("#" + prefix + "-key-name").queryAs(TextField.class).setText(name);
            robot.lookup("#" + prefix + "-key-signer").queryAs(TextField.class).setText(signer);
        });
        robot.clickOn("#" + prefix + "-key-create");
        waitFor(10, TimeUnit.SECONDS, () -> !text("#" + prefix + "-key-outcome").isEmpty() || !text("#" + prefix + "-key-problem").isEmpty());
        assertThat(text("#" + prefix + "-key-problem")).isEmpty();
    }

    /** The forms are scroll panes; a robot clicks only what is on screen. */
    private void scrollToEnd(String view) {
        scroll(view, 1);
    }

    /** Scrolls a form to a fraction of its height (0 its top, 1 its end). */
    private void scroll(String view, double fraction) {
        robot.interact(() -> {
            javafx.scene.control.ScrollPane pane = robot.lookup("#" + view + "-view").queryAs(javafx.scene.control.ScrollPane.class);
            pane.layout();
            pane.setVvalue(pane.getVmin() + fraction * (pane.getVmax() - pane.getVmin()));
        });
    }

    /** Whether the node lies inside the form's scroll pane as laid out: on screen, as a user would see it. */
    private boolean onScreen(String view, String id) {
        javafx.scene.control.ScrollPane pane = robot.lookup("#" + view + "-view").queryAs(javafx.scene.control.ScrollPane.class);
        Node node = robot.lookup(id).query();
        return node.isVisible() && pane.localToScene(pane.getLayoutBounds()).contains(node.localToScene(node.getLayoutBounds()));
    }

    private String text(String id) {
        return FxWait.read(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @SuppressWarnings("unchecked")
    private TableView<CheckRow> table(String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    /** The cells of the signatures table's "Signer" column that show a row. */
    private java.util.List<javafx.scene.control.TableCell<?, ?>> signerCells() {
        return robot.lookup("#verify-signatures .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .<javafx.scene.control.TableCell<?, ?>>map(c -> c)
                .filter(c -> !c.isEmpty() && c.getTableColumn() != null
                        && "Signer".equals(c.getTableColumn().getText()))
                .toList();
    }

    private java.util.List<String> cellTexts(String tableId) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return FxWait.read(() -> robot.lookup(tableId + " .check-result").queryAllAs(Label.class).stream().map(Label::getText).toList());
    }
}
