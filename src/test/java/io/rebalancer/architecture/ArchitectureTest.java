package io.rebalancer.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Holds the package arrows of docs/ARCHITECTURE.md: each package depends only on packages listed before it. */
class ArchitectureTest {
    /** Lowest first. A package may use the ones before it, never the ones after. */
    static final List<String> LAYERS = List.of("domain", "calendar", "analytics", "optimise", "rules", "agents", "explain", "store", "market",
            "execution", "service", "scenarios", "portfolio", "backtest", "rulediff", "report", "evaluation", "sweep", "alerts", "watch",
            "query", "batch", "mcp", "cli");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.rebalancer");
    }

    @Test
    void packages_dependOnlyOnLowerLayers_noUpwardArrows() {
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] higher = LAYERS.subList(i + 1, LAYERS.size()).stream()
                    .map(p -> "io.rebalancer." + p + "..").toArray(String[]::new);
            if (higher.length == 0) {
                continue;
            }
            ArchRule rule = noClasses().that().resideInAPackage("io.rebalancer." + LAYERS.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(higher)
                    .allowEmptyShould(true);
            rule.check(classes);
        }
    }

    @Test
    void drools_onlyInsideRulesDrools_nowhereElse() {
        noClasses().that().resideOutsideOfPackage("io.rebalancer.rules.drools..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void asm_onlyInsideTheRuleSandbox_nowhereElse() {
        noClasses().that().resideOutsideOfPackage("io.rebalancer.rules.drools.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("org.objectweb.asm..")
                .check(classes);
    }

    @Test
    void ruleSandbox_dependsOnNoDroolsClass() {
        // the allow-list reads bytecode; it must not itself load or call into what it judges
        noClasses().that().resideInAPackage("io.rebalancer.rules.drools.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void bsonAndMongo_onlyInsideStoreMongo_nowhereElse() {
        noClasses().that().resideOutsideOfPackage("io.rebalancer.store.mongo..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bson..", "com.mongodb..", "de.bwaldvogel..")
                .check(classes);
    }

    @Test
    void storeAdapters_neitherUsesTheOtherNorTheOpener_arrowsOneWay() {
        // store.open chooses between the adapters; the ports in store know none of the three
        noClasses().that().resideInAPackage("io.rebalancer.store.memory..")
                .should().dependOnClassesThat().resideInAnyPackage("io.rebalancer.store.mongo..", "io.rebalancer.store.open..")
                .check(classes);
        noClasses().that().resideInAPackage("io.rebalancer.store.mongo..")
                .should().dependOnClassesThat().resideInAnyPackage("io.rebalancer.store.memory..", "io.rebalancer.store.open..")
                .check(classes);
        noClasses().that().resideInAPackage("io.rebalancer.store")
                .should().dependOnClassesThat().resideInAnyPackage("io.rebalancer.store.memory..",
                        "io.rebalancer.store.mongo..", "io.rebalancer.store.open..")
                .check(classes);
    }

    @Test
    void storeAdapters_usedOnlyThroughTheOpener_noOtherCaller() {
        noClasses().that().resideOutsideOfPackages("io.rebalancer.store.mongo..", "io.rebalancer.store.memory..",
                        "io.rebalancer.store.open..")
                .should().dependOnClassesThat().resideInAnyPackage("io.rebalancer.store.mongo..",
                        "io.rebalancer.store.memory..")
                .check(classes);
    }

    @Test
    void tablesawAndCommonsMath_onlyInsideAnalytics_nowhereElse() {
        noClasses().that().resideOutsideOfPackage("io.rebalancer.analytics..")
                .should().dependOnClassesThat().resideInAnyPackage("tech.tablesaw..", "org.apache.commons.math3..")
                .check(classes);
    }

    @Test
    void ojalgo_onlyInOptimise() {
        noClasses().that().resideOutsideOfPackage("io.rebalancer.optimise..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ojalgo..")
                .check(classes);
    }

    @Test
    void domain_usesOnlyTheJdk_noLibraries() {
        noClasses().that().resideInAPackage("io.rebalancer.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.rebalancer.domain..")
                .check(classes);
    }

    @Test
    void printingAndExiting_onlyInCli_nowhereElse() {
        noClasses().that().resideOutsideOfPackage("io.rebalancer.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(System.class, "exit", int.class)
                .check(classes);
    }

    @Test
    void mcpSdk_onlyInMcpAndTheCliWiring_nowhereElse() {
        noClasses().that().resideOutsideOfPackages("io.rebalancer.mcp..", "io.rebalancer.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.modelcontextprotocol..", "reactor..")
                .check(classes);
    }

    @Test
    void picocli_onlyInCli_nowhereElse() {
        noClasses().that().resideOutsideOfPackage("io.rebalancer.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..")
                .check(classes);
    }

    @Test
    void agentsAndRules_doNoIo_noFilesOrNetworkOrStore() {
        noClasses().that().resideInAnyPackage("io.rebalancer.agents..", "io.rebalancer.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..",
                        "io.rebalancer.store..", "com.fasterxml..")
                .check(classes);
    }
}
