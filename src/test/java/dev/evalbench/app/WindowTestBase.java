package dev.evalbench.app;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * What a test of the real window starts from: a temp folder of its own, the {@link WorkbenchFixture} the test
 * starts there, and a robot. After each test the window is closed (and the fixture's check that the FX thread
 * touched no file runs), whether the test closed and reopened it, left it open or failed before starting it, and
 * the settings it writes as it closes are on disk before the temp folder is deleted.
 */
public abstract class WindowTestBase {
    @TempDir protected Path temp;
    protected WorkbenchFixture fixture;
    protected final FxRobot robot = QuickRobot.create();

    @AfterEach
    void closeTheWindow() throws Exception {
        if (fixture == null) return;
        fixture.stop();
        fixture = null;
        // The app writes its settings on a thread of its own as it closes: done before the temp folder goes.
        WorkbenchApp.awaitSettingsSaved();
    }

    /** The list cell whose text matches, once it is shown (a popup's list appears a pulse after its click). */
    protected javafx.scene.Node listCell(java.util.function.Predicate<String> text) throws Exception {
        java.util.function.Predicate<javafx.scene.Node> matching =
                n -> n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null && text.test(c.getText());
        // On the FX thread, as treeCell: a list's cells are replaced while the lookup walks them.
        FxWait.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> FxWait.read(() -> robot.lookup(matching).tryQuery().isPresent()));
        return FxWait.read(() -> robot.lookup(matching).query());
    }

    /**
     * {@code node} once it stays where it is on the screen for 150 ms: a panel that opens itself (the Problems
     * panel as problems appear) slides its rows down, and a click computed mid-way lands beside them.
     */
    protected javafx.scene.Node settled(javafx.scene.Node node) throws Exception {
        javafx.geometry.Bounds[] last = {null};
        // Asked from this thread, not the FX thread's: it sleeps between two looks.
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> {
            javafx.geometry.Bounds now = FxWait.read(() -> node.localToScreen(node.getBoundsInLocal()));
            boolean same = now != null && now.equals(last[0]);
            last[0] = now;
            if (!same) Thread.sleep(150);
            return same;
        });
        return node;
    }

    /** The centre's selected tab, or null; read on the FX thread. */
    protected javafx.scene.control.Tab selectedTab() {
        return FxWait.read(() -> fixture.workbench().window().tabs().getSelectionModel().getSelectedItem());
    }

    /**
     * The workspace tree's row showing {@code text} ("triage.yaml  r4"), or null while none does. Looked up on the FX
     * thread: a lookup from the test's thread walked the tree's cells while a new listing replaced them, and failed
     * with "Index 1 out of bounds for length 0" (WorkspaceSwitcherTest, once in a CI run).
     */
    protected javafx.scene.Node treeCell(String text) {
        return FxWait.read(() -> robot.lookup(n -> n instanceof javafx.scene.control.TreeCell<?> c && text.equals(c.getText()))
                .tryQuery().orElse(null));
    }
}
