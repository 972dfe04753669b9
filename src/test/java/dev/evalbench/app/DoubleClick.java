package dev.evalbench.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import org.testfx.api.FxRobot;

/**
 * A double click that opens something (a run from the history, a file from the tree), as a user makes it: the
 * robot's two clicks count as one double click only when they land within the platform's interval, and on a
 * loaded two-core machine they once did not (a fresh-clone CI, one run in thirteen). When nothing opened, the user
 * double-clicks again; so does this. Opening twice is harmless where it is used: an open run or file is selected,
 * not opened again.
 */
public final class DoubleClick {
    private DoubleClick() {}

    /**
     * Double-clicks the node {@code target} finds (once it finds one), and again if {@code opened} (asked on the FX
     * thread) does not hold within 5 s; then waits up to 20 s for it.
     */
    public static void opening(FxRobot robot, Supplier<Node> target, Callable<Boolean> opened) throws TimeoutException {
        // A row is drawn a pulse after its item arrives: wait for it as a user waits to see it.
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> {
            try {
                return target.get() != null;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        robot.doubleClickOn(target.get());
        try {
            FxWait.waitFor(5, TimeUnit.SECONDS, opened);
        } catch (TimeoutException e) {
            robot.doubleClickOn(target.get());
            FxWait.waitFor(20, TimeUnit.SECONDS, opened);
        }
    }

    /** Double-clicks the newest run of the history list until its results tab is open. */
    public static void newestRun(FxRobot robot) throws TimeoutException {
        opening(robot, () -> robot.lookup("#history-list .list-cell").nth(0).queryAs(Node.class),
                () -> robot.lookup("#results-table").tryQuery().isPresent());
    }
}
