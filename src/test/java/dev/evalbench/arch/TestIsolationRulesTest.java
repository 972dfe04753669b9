package dev.evalbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import dev.evalbench.app.SharesFxToolkit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Test classes run in parallel (junit-platform.properties), but the workbench's window tests share one JavaFX
 * toolkit: its application thread, TestFX's robot and every open stage, which a lookup searches. So a test class
 * under dev.evalbench.app that reaches the toolkit, directly or through any Evalbench class it uses, carries
 * {@link SharesFxToolkit} (one such class at a time, beside the others) or {@link Isolated} (alone); a new one
 * cannot join the parallel pool by forgetting it. View-model tests that reach only JavaFX's properties and
 * collections (plain objects, no toolkit) run in the pool like any core test.
 */
class TestIsolationRulesTest {
    /** What needs the running toolkit: scenes and stages, the application thread, the robot, and controls built on them. */
    static final String[] TOOLKIT = {"javafx.application..", "javafx.stage..", "javafx.scene..", "javafx.embed..",
        "com.sun.javafx..", "com.sun.glass..", "org.testfx..", "org.fxmisc..", "org.controlsfx.."};

    @Test
    void workbenchTestsThatReachTheToolkitNeverRunTwoAtOnce() {
        noClasses().that().resideInAPackage("dev.evalbench.app..").and().haveSimpleNameEndingWith("Test")
                .and().areTopLevelClasses()
                .and().areNotAnnotatedWith(SharesFxToolkit.class).and().areNotAnnotatedWith(Isolated.class)
                .should().transitivelyDependOnClassesThat().resideInAnyPackage(TOOLKIT)
                .because("a test that reaches the JavaFX toolkit must carry @SharesFxToolkit or @Isolated")
                .check(CompiledClasses.ALL);
    }
}
