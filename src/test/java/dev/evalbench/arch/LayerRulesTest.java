package dev.evalbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The layer boundaries, executable: the core knows nothing of any front end and never touches JavaFX, so the
 * CLI runs on machines without a display and the workbench stays a thin layer over the same services.
 */
class LayerRulesTest {
    private static final JavaClasses MAIN = CompiledClasses.MAIN;

    @Test
    void coreImportsNoJavaFx() {
        noClasses().that().resideInAPackage("dev.evalbench.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.fxmisc..")
                .check(MAIN);
    }

    @Test
    void coreKnowsNoFrontEnd() {
        noClasses().that().resideInAPackage("dev.evalbench.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.evalbench.cli..", "dev.evalbench.app..", "picocli..")
                .check(MAIN);
    }

    @Test
    void commandLineNeverLoadsJavaFx() {
        noClasses().that().resideInAPackage("dev.evalbench.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.evalbench.app..")
                .check(MAIN);
    }

    /** Every package, sub-packages included, is its own slice: no two of them may reach each other. */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.evalbench.(**)").should().beFreeOfCycles().check(MAIN);
    }

    /** The stored records are the contract every reader shares, so they may depend on no other part. */
    @Test
    void storedRecordsDependOnNothingElse() {
        noClasses().that().resideInAPackage("dev.evalbench.core.record..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.evalbench..")
                .andShould().dependOnClassesThat().resideOutsideOfPackages("dev.evalbench.core.record..", "java..",
                        "com.fasterxml.jackson..")
                .check(MAIN);
    }
}
