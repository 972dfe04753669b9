package dev.evalbench.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;

/**
 * Evalbench's compiled classes as ArchUnit sees them, imported once per test JVM for every architecture rule:
 * scanning the class path's jars and resolving library classes (see archunit.properties) took most of a minute,
 * and a second import of the same folders costs seconds more. Library classes are stubs known by name only, which
 * is all the rules ask of them. Thread-safe (class initialisation).
 */
final class CompiledClasses {
    private static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");

    /** target/classes and target/test-classes. */
    static final JavaClasses ALL = new ClassFileImporter().importPaths(TARGET.resolve("classes"), TARGET.resolve("test-classes"));

    /** The product's classes: those read from target/classes. */
    static final JavaClasses MAIN = ALL.that(readFrom(TARGET.resolve("classes")));

    private CompiledClasses() {}

    private static DescribedPredicate<JavaClass> readFrom(Path folder) {
        String prefix = folder.toAbsolutePath().normalize().toUri().toString();
        return DescribedPredicate.describe("read from " + folder,
                c -> c.getSource().map(s -> s.getUri().toString().startsWith(prefix)).orElse(false));
    }
}
