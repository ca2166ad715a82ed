package io.rebalancer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code scenarios test} command: its lines and exit codes (each scenario itself: scenarios.ShippedScenariosTest). */
class ScenariosTest {
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
