package dev.evalbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.robot.Motion;
import org.testfx.service.query.PointQuery;

/**
 * The window tests' robot asks where its target is on the FX thread only: a node's bounds are computed lazily,
 * and computing them on the test thread while a pulse lays the same node out left the scene's bookkeeping wrong
 * (a later pulse failed with "Index -1 out of bounds" in {@code Parent.updateCachedBounds}).
 */
@SharesFxToolkit
class QuickRobotTest {
    private final FxRobot robot = QuickRobot.create();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aMoveAsksWhereItsTargetIsOnTheFxThread() {
        List<Boolean> onFx = new CopyOnWriteArrayList<>();
        robot.moveTo(new AskedPoint(onFx, new Point2D(40, 30)));
        assertThat(onFx).isNotEmpty().containsOnly(true);
    }

    /** A point that notes, each time it is asked, whether it was asked on the FX thread. */
    private record AskedPoint(List<Boolean> onFx, Point2D at) implements PointQuery {
        @Override public Point2D query() { onFx.add(Platform.isFxApplicationThread()); return at; }
        @Override public Point2D getPosition() { return at; }
        @Override public Point2D getOffset() { return Point2D.ZERO; }
        @Override public PointQuery atPosition(Point2D position) { return this; }
        @Override public PointQuery atPosition(double x, double y) { return this; }
        @Override public PointQuery atPosition(Pos position) { return this; }
        @Override public PointQuery atOffset(Point2D offset) { return this; }
        @Override public PointQuery atOffset(double x, double y) { return this; }
        @Override public PointQuery onNode(Node node) { return this; }
        @Override public Optional<Motion> queryMotion() { return Optional.empty(); }
    }
}
