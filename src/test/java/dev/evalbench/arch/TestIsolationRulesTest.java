package dev.evalbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Test classes run in parallel (junit-platform.properties), but the workbench's tests share one JavaFX toolkit
 * and must run alone: every test class under dev.evalbench.app carries {@link Isolated}, so a new one cannot
 * join the parallel pool by forgetting it.
 */
class TestIsolationRulesTest {
    @Test
    void workbenchTestsRunAlone() {
        classes().that().resideInAPackage("dev.evalbench.app..").and().haveSimpleNameEndingWith("Test")
                .and().areTopLevelClasses()
                .should().beAnnotatedWith(Isolated.class)
                .check(new ClassFileImporter().importPath(Path.of(System.getProperty("basedir", "."), "target", "test-classes")));
    }
}
