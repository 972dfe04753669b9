package dev.evalbench.app.author;

import static dev.evalbench.app.FxWait.read;
import static dev.evalbench.app.FxWait.waitFor;
import static dev.evalbench.app.FxWait.waitUntilShown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * "New workspace…" in the real window: a folder typed in the dialog (one that does not exist yet) becomes a workspace
 * that opens at once and runs offline with Ctrl+R to a passed verdict, as {@code evalbench init} then {@code run}.
 * A folder that holds a workspace already is refused in the status bar, and nothing in it changes.
 */
@dev.evalbench.app.SharesFxToolkit
class NewWorkspaceWindowTest extends WindowTestBase {

    @Test
    void aNewWorkspaceIsMadeOpenedAndRunsToAPassedVerdict() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp).start();
        MenuButton switcher = robot.lookup("#workspace-switcher").queryAs(MenuButton.class);
        waitFor(20, TimeUnit.SECONDS, () -> "support-triage".equals(switcher.getText()));
        Path folder = temp.resolve("team/feedback-evals");

        // The sample's tree read down to its last file: the new workspace's is read from its top, its prompt in view.
        javafx.scene.control.TreeView<?> tree = robot.lookup("#workspace-tree").queryAs(javafx.scene.control.TreeView.class);
        waitFor(20, TimeUnit.SECONDS, () -> treeCell("triage.yaml  r4") != null);
        robot.interact(() -> tree.scrollTo(tree.getExpandedItemCount() - 1));
        waitFor(10, TimeUnit.SECONDS, () -> treeCell("triage.yaml  r4") == null);
        waitFor(10, TimeUnit.SECONDS, () -> switcher.getItems().stream().anyMatch(i -> "workspace-new".equals(i.getId())));
        robot.interact(() -> switcher.getItems().stream().filter(i -> "workspace-new".equals(i.getId())).findFirst()
                .orElseThrow().fire());
        waitUntilShown(robot, "#new-workspace-folder", 10, TimeUnit.SECONDS);
        TextField field = robot.lookup("#new-workspace-folder").queryAs(TextField.class);
        assertThat(read(() -> field.getText())).as("suggested beside the open workspace")
                .isEqualTo(fixture.workspace.toAbsolutePath().getParent().resolve("my-evals").toString());
        robot.interact(() -> field.setText(folder.toString()));
        robot.clickOn(createButton());

        waitFor(20, TimeUnit.SECONDS, () -> "feedback-evals".equals(switcher.getText()) && treeCell("classify.yaml  r1") != null);
        assertThat(treeCell("prompts")).as("the tree from its top").isNotNull();
        assertThat(Files.readString(folder.resolve("evalbench.yaml"))).contains("\nname: feedback-evals\n");
        assertThat(status()).isEqualTo("Created workspace feedback-evals in " + folder.toAbsolutePath()
                + ": Ctrl+R runs it offline; its prompt is prompts/classify.yaml");

        robot.push(KeyCode.CONTROL, KeyCode.R);
        waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#gates-headline").tryQuery()
                .map(n -> ((Label) n).getText()).filter(t -> t.startsWith("PASSED")).isPresent());
        assertThat(read(() -> robot.lookup("#gates-headline").queryAs(Label.class).getText()))
                .isEqualTo("PASSED: all 6 gates pass");

        // Again, into the folder that now holds a workspace: refused, said so, nothing changed.
        byte[] manifest = Files.readAllBytes(folder.resolve("evalbench.yaml"));
        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntilShown(robot, "#new-workspace-folder", 10, TimeUnit.SECONDS);
        robot.interact(() -> robot.lookup("#new-workspace-folder").queryAs(TextField.class).setText(folder.toString()));
        robot.clickOn(createButton());
        waitFor(10, TimeUnit.SECONDS, () -> status().startsWith("No workspace created: "));
        assertThat(status()).isEqualTo("No workspace created: " + folder.toAbsolutePath() + " holds a workspace already"
                + " (evalbench.yaml); init writes nothing over one");
        assertThat(Files.readAllBytes(folder.resolve("evalbench.yaml"))).isEqualTo(manifest);

        // A name alone lies beside the folder the field suggested (the open workspace's parent), not in the window
        // process's working folder, which the author never sees.
        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntilShown(robot, "#new-workspace-folder", 10, TimeUnit.SECONDS);
        robot.interact(() -> robot.lookup("#new-workspace-folder").queryAs(TextField.class).setText("second-evals"));
        robot.clickOn(createButton());
        Path beside = folder.toAbsolutePath().getParent().resolve("second-evals");
        waitFor(20, TimeUnit.SECONDS, () -> "second-evals".equals(switcher.getText()));
        assertThat(beside.resolve("evalbench.yaml")).exists();
        waitFor(10, TimeUnit.SECONDS, () -> status().startsWith("Created workspace second-evals in "));

        // Another workspace opened: what the status line said of this one goes (it stayed, read as about the sample).
        robot.interact(() -> fixture.workbench().session().open(fixture.workspace));
        waitFor(20, TimeUnit.SECONDS, () -> "support-triage".equals(switcher.getText()) && treeCell("triage.yaml  r4") != null);
        assertThat(status()).doesNotContain("second-evals");
    }

    private Node createButton() {
        return robot.lookup("#new-workspace .button").match((Button b) -> "Create".equals(b.getText())).queryAs(Node.class);
    }

    private String status() {
        return read(() -> robot.lookup("#status-message").queryAs(Label.class).getText());
    }
}
