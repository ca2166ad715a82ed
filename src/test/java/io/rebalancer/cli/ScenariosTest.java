package io.rebalancer.cli;

import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every scenarios/*.json as a JUnit test (one rule engine for all), and the command's exit codes. */
class ScenariosTest {
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
            ScenariosRunner.Result r = runner.run(f);
            assertTrue(r.passed(), r.line());
        }));
    }

    @Test
    void scenariosTest_wrongExpectation_failsWithDifferenceAndExitCode(@TempDir Path tmp) throws IOException {
        String text = Files.readString(Path.of("scenarios", "03-turnover-cap-vetoes-full.json"))
                .replace("\"chosen\": \"BAND_EDGE\"", "\"chosen\": \"FULL\"");
        Files.writeString(tmp.resolve("wrong.json"), text);
        Files.copy(Path.of("scenarios", "01-stable-low-vol.json"), tmp.resolve("ok.json"));
        RulesValidateCommandTest.Run r = RulesValidateCommandTest.execute("scenarios", "test", "--dir", tmp.toString());
        assertEquals(ExitCodes.CHECK_FAILED, r.code(), r.all());
        assertTrue(r.out().contains("FAIL turnover-cap-vetoes-full: chosen expected FULL but was BAND_EDGE"), r.out());
        assertTrue(r.out().contains("PASS stable-low-vol"), r.out());
        assertTrue(r.out().strip().endsWith("1 passed, 1 failed"), r.out());
    }

    @Test
    void scenariosTest_shippedScenarios_allPassExitZero() {
        RulesValidateCommandTest.Run r = RulesValidateCommandTest.execute("scenarios", "test");
        assertEquals(ExitCodes.OK, r.code(), r.all());
        assertTrue(r.out().strip().matches("(?s).*\\n\\d+ passed, 0 failed"), r.out());
    }
}
