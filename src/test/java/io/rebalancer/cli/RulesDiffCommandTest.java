package io.rebalancer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesDiffCommandTest {
    @Test
    void diff_vixCalmCutoffRaised_listsDaysThatBecomeLowVol(@TempDir Path tmp) throws IOException {
        Path other = tmp.resolve("rules-b");
        Files.createDirectories(other);
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.toList()) {
                Files.copy(p, other.resolve(p.getFileName()));
            }
        }
        Path vix = other.resolve("regime_vix.drl.csv");
        Files.writeString(vix, Files.readString(vix)
                .replace("MODERATE: calm,monitor,MODERATE,\"0,13.5\"", "MODERATE: calm,monitor,MODERATE,\"0,14.5\"")
                .replace("MODERATE: stay moderate,monitor,MODERATE,\"13.5,26.5\"", "MODERATE: stay moderate,monitor,MODERATE,\"14.5,26.5\""));
        RulesValidateCommandTest.Run r = RulesValidateCommandTest.execute("rules", "diff", "--in-memory", "--against",
                other.toString(), "--from", "2024-12-09", "--to", "2024-12-13");
        assertEquals(ExitCodes.OK, r.code(), r.all());
        assertTrue(r.out().contains("2024-12-12  differs in regime"), r.out());
        assertTrue(r.out().contains("fired only in B: vix from MODERATE: calm"), r.out());
        assertTrue(r.out().matches("(?s).*\\d+ of 5 days differ\\s*"), r.out());
    }

    @Test
    void diff_periodBeforeTheInception_badInputNamingIt() {
        RulesValidateCommandTest.Run r = RulesValidateCommandTest.execute("rules", "diff", "--in-memory", "--against",
                "rules", "--from", "2022-01-03", "--to", "2022-06-30");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.all());
        assertTrue(r.err().startsWith("error: --from 2022-01-03 is before the inception 2024-01-02 of PORT_A_TechGrowth"),
                r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
