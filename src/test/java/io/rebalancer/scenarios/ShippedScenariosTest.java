package io.rebalancer.scenarios;

import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every scenarios/*.json as a JUnit test, one rule engine for all (the command's exit codes: cli.ScenariosTest). */
class ShippedScenariosTest {
    private static ScenariosRunner runner;

    @BeforeAll
    static void load() {
        RuleEngine engine = DroolsRuleEngine.load(Path.of("rules"));
        runner = new ScenariosRunner(engine, Path.of("backtest-data"));
    }

    @TestFactory
    Stream<DynamicTest> scenario_shippedRules_matchesExpectation() {
        List<Path> files = ScenariosRunner.files(Path.of("scenarios"));
        assertTrue(files.size() >= 12, "at least 12 scenarios, found " + files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            ScenarioResult r = runner.run(f);
            assertTrue(r.passed(), r.line());
        }));
    }
}
