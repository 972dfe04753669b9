package dev.evalbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.evalbench.app.SharesFxToolkit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Test classes run in parallel (junit-platform.properties), but the workbench's tests share one JavaFX toolkit:
 * every test class under dev.evalbench.app carries {@link SharesFxToolkit} (one such class at a time, beside
 * tests that do not touch JavaFX) or {@link Isolated} (alone), so a new one cannot join the parallel pool by
 * forgetting it.
 */
class TestIsolationRulesTest {
    @Test
    void workbenchTestsNeverRunTwoAtOnce() {
        classes().that().resideInAPackage("dev.evalbench.app..").and().haveSimpleNameEndingWith("Test")
                .and().areTopLevelClasses()
                .should().beAnnotatedWith(SharesFxToolkit.class).orShould().beAnnotatedWith(Isolated.class)
                .check(new ClassFileImporter().importPath(Path.of(System.getProperty("basedir", "."), "target", "test-classes")));
    }
}
