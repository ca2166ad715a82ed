package io.rebalancer.spark;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The Spark module's own layering: only its command lines (the mains and the picocli set-up they share) use the
 * core's command-line package, for its exit codes; what runs on Spark's executors depends on the core's services,
 * never on its edge.
 */
class SparkModuleArchitectureTest {
    /** This module's classes only: the directory (or jar) its main classes were loaded from. */
    private static final JavaClasses MODULE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPath(moduleClasses());

    private static java.nio.file.Path moduleClasses() {
        try {
            return java.nio.file.Path.of(SparkCommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void import_findsTheModulesClasses() {
        // a rule over no classes passes whatever it says
        org.junit.jupiter.api.Assertions.assertTrue(MODULE.contain("io.rebalancer.sweep.spark.SweepExecutor"));
        org.junit.jupiter.api.Assertions.assertTrue(MODULE.contain("io.rebalancer.batch.spark.SparkBatchExecutor"));
        org.junit.jupiter.api.Assertions.assertFalse(MODULE.contain("io.rebalancer.cli.Main"));
    }

    @Test
    void moduleClasses_exceptTheCommandLines_doNotDependOnTheCoresCli() {
        noClasses().that().haveSimpleNameNotEndingWith("Main").and().doNotHaveSimpleName("SparkCommandLine")
                .and().resideOutsideOfPackage("io.rebalancer.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.rebalancer.cli..")
                .because("the core's cli is its edge; executors and sweeps sit below it")
                .check(MODULE);
    }
}
