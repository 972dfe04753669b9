package dev.evalbench.app.author;

import static dev.evalbench.app.FxWait.waitFor;

import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TreeCell;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on a copy of the sample workspace, shown once its tree lists the triage prompt; and the author's
 * first steps in it: opening {@code prompts/triage.yaml} in the editor and putting the caret after a text.
 */
abstract class TriageWindowTestBase extends WindowTestBase {

    @BeforeEach
    void start() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp).start();
        try {
            waitFor(20, TimeUnit.SECONDS, () -> treeCell("triage.yaml  r4") != null);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("tree shows " + robot.lookup(".tree-cell").queryAll().stream()
                    .map(n -> ((TreeCell<?>) n).getText()).toList() + "; problems " + fixture.workbench().session().problems(), e);
        }
    }

    /**
     * The app watches the workspace from a thread it starts once the folder is registered with the OS, off the FX
     * thread, after the window shows the workspace: a file written before that is not an edit the app can see.
     * (This test once waited in vain for a reload, in one of three local runs of the window tests; this rules out
     * that race.) The previous test's watcher is closed when its window closes.
     */
    protected void waitUntilWatching() throws Exception {
        waitFor(10, TimeUnit.SECONDS, () -> Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("evalbench-watch-" + fixture.workspace.getFileName())));
    }

    /** Double-clicks the triage prompt in the tree; its editor, once the file's text is in it. */
    protected CodeArea openTriage() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        dev.evalbench.app.DoubleClick.opening(robot, () -> treeCell("triage.yaml  r4"),
                () -> selectedTab() != null && "triage.yaml".equals(selectedTab().getText()));
        CodeArea area = robot.lookup("#template-code").queryAs(CodeArea.class);
        waitFor(10, TimeUnit.SECONDS, () -> area.getText().startsWith("id: triage"));
        return area;
    }

    /** The caret just after the first {@code text} of the editor, and the keyboard to the editor. */
    protected void caretAfter(CodeArea area, String text) {
        robot.interact(() -> {
            area.moveTo(area.getText().indexOf(text) + text.length());
            area.requestFocus();
        });
    }
}
