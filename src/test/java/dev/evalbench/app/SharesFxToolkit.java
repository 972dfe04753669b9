package dev.evalbench.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Marks a workbench test class: it drives the one JavaFX toolkit of the test JVM (its application thread, TestFX's
 * robot and stages), so no two such classes may run at once; they may run beside tests that do not touch JavaFX.
 *
 * <p>{@link ExecutionMode#SAME_THREAD} puts every marked class on the thread that runs the test engine, one after
 * another, while the other workers of the pool take the concurrent classes (junit-platform.properties); the
 * {@link ResourceLock} on {@link #LOCK} states the exclusion itself, so it holds whatever thread a class lands
 * on. A class that also touches process-wide state (System.out, system properties, JVM flags, a full
 * collection) carries {@code @Isolated} instead and runs alone. TestIsolationRulesTest requires one of the two on
 * every test class under {@code dev.evalbench.app} that reaches the toolkit (scenes, stages, the application
 * thread, TestFX, RichTextFX), directly or through Evalbench's classes; view-model tests that use only JavaFX's
 * properties and collections need neither and run in the parallel pool.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.SAME_THREAD)
@ResourceLock(SharesFxToolkit.LOCK)
public @interface SharesFxToolkit {
    /** The name of the JavaFX toolkit as a JUnit exclusive resource. */
    String LOCK = "javafx-toolkit";
}
