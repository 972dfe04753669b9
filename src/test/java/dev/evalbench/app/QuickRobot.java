package dev.evalbench.app;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotContext;
import org.testfx.robot.BaseRobot;
import org.testfx.robot.ClickRobot;
import org.testfx.robot.DragRobot;
import org.testfx.robot.KeyboardRobot;
import org.testfx.robot.Motion;
import org.testfx.robot.MouseRobot;
import org.testfx.robot.MoveRobot;
import org.testfx.robot.ScrollRobot;
import org.testfx.robot.TypeRobot;
import org.testfx.robot.WriteRobot;
import org.testfx.robot.impl.ClickRobotImpl;
import org.testfx.robot.impl.DragRobotImpl;
import org.testfx.robot.impl.KeyboardRobotImpl;
import org.testfx.robot.impl.MouseRobotImpl;
import org.testfx.robot.impl.ScrollRobotImpl;
import org.testfx.robot.impl.TypeRobotImpl;
import org.testfx.service.finder.WindowFinder;
import org.testfx.service.query.PointQuery;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The robot of the window tests: TestFX's {@link FxRobot}, whose mouse goes where it is sent in a few steps and
 * whose every press, release and keystroke waits for the FX thread twice instead of five times.
 *
 * <p>Why: TestFX moves the mouse in up to 200 steps a millisecond apart (each one a mouse event the FX thread
 * picks, hovers and restyles for) and after every input waits five round trips to the FX thread with 10 ms
 * sleeps between them. A click cost about 0.3 s of the window tests' chain, which runs one class after another
 * and was the longest path of {@code mvn verify} (issue 11; 83-93 s alone, 50-58 s with this robot). What a
 * test sees does not change: the input reaches the scene through the same robot and the same events, in the
 * same order, and is handled before the call returns (two round trips: the event's, and whatever its handlers
 * posted). A test that needs a later state (a task's result, a row drawn on the next pulse) waits for it with
 * {@link FxWait}, as it had to before; the old robot's idling only hid the races of those that did not.
 *
 * <p>The input robots are set into the {@link FxRobot} by reflection: TestFX 4.0.18 builds its context in the
 * constructor and offers no way to give it other robots. A TestFX without that field fails here, loudly.
 */
public final class QuickRobot {
    /** Round trips to the FX thread after an input: the event's own, then what its handlers posted. */
    private static final int SETTLE_ROUNDS = 2;
    /** Steps of a mouse move: enough that nodes between start and end see it pass, as they would a hand's. */
    private static final int MOVE_STEPS = 4;
    /** Longer than a layout pulse (60 a second), so a moving node's next place is known after it. */
    private static final long PULSE_MILLIS = 20;
    /** How long a moving target is followed before the click goes where it is. */
    private static final long FOLLOW_NANOS = TimeUnit.SECONDS.toNanos(2);

    private QuickRobot() {}

    /** A new robot; like {@code new FxRobot()}, one per test class is usual. */
    public static FxRobot create() {
        FxRobot robot = new FxRobot();
        try {
            Field context = FxRobot.class.getDeclaredField("context");
            context.setAccessible(true);
            context.set(robot, new QuickContext());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this TestFX keeps its robots elsewhere; update QuickRobot", e);
        }
        return robot;
    }

    /** Waits until the FX thread has handled what was posted to it before, and what that posted in turn. */
    static void settle() {
        WaitForAsyncUtils.waitForFxEvents(SETTLE_ROUNDS);
    }

    private static final class QuickContext extends FxRobotContext {
        private final MouseRobot mouse;
        private final KeyboardRobot keyboard;
        private final MoveRobot move;
        private final ClickRobot click;
        private final DragRobot drag;
        private final ScrollRobot scroll;
        private final TypeRobot type;
        private final WriteRobot write;

        QuickContext() {
            BaseRobot base = getBaseRobot();
            mouse = new SettlingMouse(new MouseRobotImpl(base));
            keyboard = new SettlingKeyboard(new KeyboardRobotImpl(base));
            move = new SteppedMove(base, mouse);
            click = new ClickRobotImpl(mouse, move, getSleepRobot());
            drag = new DragRobotImpl(mouse, move);
            scroll = new ScrollRobotImpl(mouse);
            type = new TypeRobotImpl(keyboard, getSleepRobot());
            write = new SettlingWrite(base, getWindowFinder());
        }

        @Override public MouseRobot getMouseRobot() { return mouse; }
        @Override public KeyboardRobot getKeyboardRobot() { return keyboard; }
        @Override public MoveRobot getMoveRobot() { return move; }
        @Override public ClickRobot getClickRobot() { return click; }
        @Override public DragRobot getDragRobot() { return drag; }
        @Override public ScrollRobot getScrollRobot() { return scroll; }
        @Override public TypeRobot getTypeRobot() { return type; }
        @Override public WriteRobot getWriteRobot() { return write; }
    }

    /** TestFX's mouse, which keeps the pressed buttons; the waiting calls settle instead of TestFX's wait. */
    private record SettlingMouse(MouseRobot robot) implements MouseRobot {
        @Override public void press(MouseButton... buttons) { robot.pressNoWait(buttons); settle(); }
        @Override public void pressNoWait(MouseButton... buttons) { robot.pressNoWait(buttons); }
        @Override public Set<MouseButton> getPressedButtons() { return robot.getPressedButtons(); }
        @Override public void release(MouseButton... buttons) { robot.releaseNoWait(buttons); settle(); }
        @Override public void releaseNoWait(MouseButton... buttons) { robot.releaseNoWait(buttons); }
        @Override public void move(Point2D location) { robot.moveNoWait(location); settle(); }
        @Override public void moveNoWait(Point2D location) { robot.moveNoWait(location); }
        @Override public void scroll(int amount) { robot.scrollNoWait(amount); settle(); }
        @Override public void scrollNoWait(int amount) { robot.scrollNoWait(amount); }
    }

    /** TestFX's keyboard, which keeps the pressed keys; the waiting calls settle instead of TestFX's wait. */
    private record SettlingKeyboard(KeyboardRobot robot) implements KeyboardRobot {
        @Override public void press(KeyCode... keys) { robot.pressNoWait(keys); settle(); }
        @Override public void pressNoWait(KeyCode... keys) { robot.pressNoWait(keys); }
        @Override public Set<KeyCode> getPressedKeys() { return robot.getPressedKeys(); }
        @Override public void release(KeyCode... keys) { robot.releaseNoWait(keys); settle(); }
        @Override public void releaseNoWait(KeyCode... keys) { robot.releaseNoWait(keys); }
    }

    /**
     * A straight move in {@link #MOVE_STEPS} steps, whatever the motion asked (the window tests ask none); the
     * target is then asked again, as TestFX does, and followed while it moves.
     *
     * <p>Where a node is, is asked on the FX thread ({@link #whereIs}): TestFX asks on the caller's thread, and a
     * node's bounds are computed lazily, so the test thread computed them while the FX thread laid the same rows out
     * (a history row updated by its background gating). The two left a parent's count of changed children wrong,
     * and a later pulse failed in {@code Parent.updateCachedBounds} with "Index -1 out of bounds for length 2"
     * (a fresh-clone CI of {@code HistoryListWindowTest}, one run in tens).
     */
    private record SteppedMove(BaseRobot base, MouseRobot mouse) implements MoveRobot {
        @Override
        public void moveTo(PointQuery pointQuery, Motion motion) {
            Point2D to = whereIs(pointQuery);
            stepTo(to);
            // A node that is still moving (a panel sliding open) is followed until it stays put for a pulse, as a
            // user's hand would; TestFX's slow approach used to hide such animations.
            long deadline = System.nanoTime() + FOLLOW_NANOS;
            while (System.nanoTime() < deadline) {
                WaitForAsyncUtils.sleep(PULSE_MILLIS, TimeUnit.MILLISECONDS);
                Point2D now = whereIs(pointQuery);
                if (now.equals(to)) break;
                mouse.move(now);
                to = now;
            }
        }

        private static Point2D whereIs(PointQuery pointQuery) {
            return FxWait.read(pointQuery::query);
        }

        @Override
        public void moveBy(double x, double y, Motion motion) {
            stepTo(base.retrieveMouse().add(x, y));
        }

        private void stepTo(Point2D to) {
            Point2D from = base.retrieveMouse();
            for (int step = 1; step < MOVE_STEPS; step++) {
                mouse.moveNoWait(from.add(to.subtract(from).multiply(step / (double) MOVE_STEPS)));
            }
            mouse.move(to);
        }
    }

    /**
     * Types text into the focused window's scene as TestFX does (a key typed event per character, Enter and Tab
     * for their characters), without TestFX's 25 ms sleep after each character; settles once at the end, the
     * characters arriving in order as each one is posted after the one before.
     */
    private record SettlingWrite(BaseRobot base, WindowFinder windows) implements WriteRobot {
        @Override public void write(char character) { write(String.valueOf(character)); }

        @Override public void write(String text) { write(text, 0); }

        @Override
        public void write(String text, int sleepMillis) {
            Scene scene = target().getScene();
            for (char character : text.toCharArray()) {
                KeyCode key = character == '\n' ? KeyCode.ENTER : character == '\t' ? KeyCode.TAB : KeyCode.UNDEFINED;
                base.typeKeyboard(scene, key, String.valueOf(character));
                if (sleepMillis > 0) WaitForAsyncUtils.sleep(sleepMillis, TimeUnit.MILLISECONDS);
            }
            settle();
        }

        /** The window TestFX's writer types into: the focused one, else the target, else the first. */
        private Window target() {
            Window focused = windows.window(Window::isFocused);
            if (focused != null) return focused;
            return windows.targetWindow() != null ? windows.targetWindow() : windows.window(0);
        }
    }
}
