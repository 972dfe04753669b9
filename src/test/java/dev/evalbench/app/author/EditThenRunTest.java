package dev.evalbench.app.author;

import static dev.evalbench.app.FxWait.waitFor;
import static dev.evalbench.app.FxWait.waitUntilShown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;

/**
 * Ctrl+R after an edit in the real window: a run is of the files as saved, whether the author saved a moment
 * before or not at all, and the window says which edits a run left out.
 */
@dev.evalbench.app.SharesFxToolkit
class EditThenRunTest extends TriageWindowTestBase {

    /**
     * The loop at a typist's pace: the changelog's Enter, then Ctrl+R at once. The run is made of the revision just
     * saved, not of the workspace as it was read before the save (it was read again only when the file watcher,
     * a debounce later, saw the write).
     */
    @Test
    void aRunStartedRightAfterASaveRunsTheRevisionJustSaved() throws Exception {
        quoteTheTicketInTriage();
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntilShown(robot, "#changelog", 5, TimeUnit.SECONDS);
        robot.clickOn("#changelog").write("Quote the ticket").push(KeyCode.ENTER).push(KeyCode.CONTROL, KeyCode.R);

        waitFor(60, TimeUnit.SECONDS, () -> Files.exists(history()) && robot.lookup("#results-table").tryQuery().isPresent());
        assertTheOneRunRanTriageRevision(5);
    }

    /** Opens prompts/triage.yaml and types " (verbatim)" after "The customer wrote:", leaving it unsaved. */
    private void quoteTheTicketInTriage() throws Exception {
        CodeArea area = openTriage();
        waitFor(10, TimeUnit.SECONDS, () -> area.getScene() != null && area.getScene().getFocusOwner() == area);
        caretAfter(area, "The customer wrote:");
        robot.write(" (verbatim)");
    }

    private Path history() {
        return fixture.workspace.resolve(".evalbench/history.db");
    }

    /** The history holds one run, and every triage case of it ran prompt revision {@code revision}. */
    private void assertTheOneRunRanTriageRevision(int revision) throws Exception {
        try (var store = dev.evalbench.core.store.sqlite.SqliteRunStore.openReadOnly(history())) {
            var runs = store.runs(10);
            assertThat(runs).hasSize(1);
            assertThat(store.cases(runs.get(0).id())).filteredOn(c -> c.key().promptId().equals("triage")).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.versions().promptRevision()).isEqualTo(revision));
        }
    }

    /**
     * Ctrl+R straight after typing, without Ctrl+S: the run is of revision 4 as saved, and the status line says the
     * edits are not in it. Saved, the editor drops out of the warning: the next run says nothing of unsaved edits.
     */
    @Test
    void aRunStartedWithUnsavedEditsSaysTheyAreNotInIt() throws Exception {
        quoteTheTicketInTriage();
        robot.push(KeyCode.CONTROL, KeyCode.R);

        Label status = robot.lookup("#status-message").queryAs(Label.class);
        waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#results-table").tryQuery().isPresent());
        assertThat(FxWait.read(status::getText)).isEqualTo("Warning: unsaved edits to prompts/triage.yaml are not "
                + "in this run: it is of the files as saved (Ctrl+S saves them as a new revision)");
        assertTheOneRunRanTriageRevision(4);

        // The finished run's results tab is in front now: back to the editor to save.
        robot.clickOn(robot.lookup(".tab-label").match(n -> ((Label) n).getText().equals("triage.yaml *")).queryAs(Label.class));
        waitFor(5, TimeUnit.SECONDS, () -> "triage.yaml *".equals(selectedTab().getText()));
        robot.clickOn("#template-code").push(KeyCode.CONTROL, KeyCode.S);
        waitUntilShown(robot, "#changelog", 5, TimeUnit.SECONDS);
        robot.clickOn("#changelog").write("Quote the ticket").push(KeyCode.ENTER);
        waitFor(10, TimeUnit.SECONDS, () -> fixture.workbench().session().unsavedFiles().isEmpty());
        // The second run, of the same cases on the same routes, takes the first one's results tab once it has finished.
        // The first tab's id is read before Ctrl+R: read after, it was once the second's (the run had finished
        // meanwhile, on a loaded CI machine), and the wait for another tab timed out.
        String first = FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream()
                .filter(t -> t.getText().startsWith("Results")).findFirst().orElseThrow().getId());
        robot.push(KeyCode.CONTROL, KeyCode.R);
        waitFor(60, TimeUnit.SECONDS, () -> fixture.workbench().window().tabs().getTabs().stream()
                .anyMatch(t -> t.getText().startsWith("Results") && !t.getId().equals(first)));
        assertThat(FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream()
                .filter(t -> t.getText().startsWith("Results")).count())).isEqualTo(1);
        assertThat(FxWait.read(status::getText)).doesNotContain("unsaved");
    }
}
