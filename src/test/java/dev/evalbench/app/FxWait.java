package dev.evalbench.app;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * TestFX's {@code waitFor} with the condition asked on the JavaFX application thread. A condition that looks
 * nodes up or reads a table's items from the test thread walks the scene graph while the FX thread changes it,
 * and can fail with an {@code IndexOutOfBoundsException} from inside JavaFX (seen once in a fresh-clone CI run,
 * in {@code DroppedRunFileTest}). Asked on the FX thread, it sees the scene between two pulses, as a user does.
 * A condition must not wait for the FX thread itself (no {@code robot.interact} or clicks inside it).
 */
public final class FxWait {
    /** How long one asking of the condition may take on the FX thread before the wait gives up. */
    private static final long ASK_SECONDS = 10;

    private FxWait() {}

    /** As {@link WaitForAsyncUtils#waitFor(long, TimeUnit, Callable)}, the condition asked on the FX thread. */
    public static void waitFor(long timeout, TimeUnit unit, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(timeout, unit, () -> onFxThread(condition));
        read(FxWait::layOutShownWindows);
    }

    /**
     * Lays out every shown window's scene now, as the next pulse would. A condition met between two pulses (a
     * table's items set) can come before what it causes is drawn (the table's cells are made at the next layout
     * pass): a CI run read a results table's cells in that gap and found none. Laying out here is what the pulse
     * does first; it changes nothing a user would not see 16 ms later.
     */
    private static Void layOutShownWindows() {
        for (Window window : List.copyOf(Window.getWindows())) {
            if (!window.isShowing() || window.getScene() == null) continue;
            Parent root = window.getScene().getRoot(); // a scene always has one
            root.applyCss();
            root.layout();
        }
        return null;
    }

    /**
     * Waits until {@code query} finds a node a robot can click: visible, laid out (a node just made visible has
     * no size and a stale place until the next layout pulse) and inside the window, TestFX's own test for
     * {@code clickOn}.
     */
    public static void waitUntilShown(FxRobot robot, String query, long timeout, TimeUnit unit)
            throws TimeoutException {
        waitFor(timeout, unit, () -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery()
                .filter(n -> !n.getLayoutBounds().isEmpty()).isPresent());
    }

    /**
     * The row of a table (its selector) that shows item {@code index}, found on the FX thread. A virtual flow keeps
     * its row nodes in no particular order: the first one a lookup finds may show another item (clicking it selected
     * that item instead, and a window test waited for its selection in vain).
     */
    public static javafx.scene.Node rowShowing(FxRobot robot, String table, int index) {
        return read(() -> robot.lookup(table + " .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class)
                .stream().filter(r -> r.getIndex() == index && r.isVisible() && r.getItem() != null).findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + table + " shows item " + index)));
    }

    /**
     * The text of the tooltip on screen, once one whose text starts with {@code start} shows (where the pointer
     * stopped last); fails after ten seconds. Any tooltip, whichever node installed it: one shown for a disabled
     * control belongs to the pane around it (app/fx/DisabledTooltip), not to the control.
     */
    public static String tooltipShown(String start) throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> text = new java.util.concurrent.atomic.AtomicReference<>();
        waitFor(10, TimeUnit.SECONDS, () -> read(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.Tooltip t && w.isShowing() && t.getText() != null
                        && t.getText().startsWith(start))
                .findFirst().map(w -> {
                    text.set(((javafx.scene.control.Tooltip) w).getText());
                    return true;
                }).orElse(false)));
        return text.get();
    }

    /**
     * Reads what the scene shows on the JavaFX application thread (at once when called on it): a lookup from the
     * test thread walks the scene graph while the FX thread may change it.
     */
    public static <T> T read(Callable<T> what) {
        try {
            if (Platform.isFxApplicationThread()) return what.call();
            return WaitForAsyncUtils.asyncFx(what).get(ASK_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean onFxThread(Callable<Boolean> condition) throws Exception {
        if (Platform.isFxApplicationThread()) return Boolean.TRUE.equals(condition.call());
        return Boolean.TRUE.equals(WaitForAsyncUtils.asyncFx(condition).get(ASK_SECONDS, TimeUnit.SECONDS));
    }
}
