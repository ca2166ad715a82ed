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
    void diff_vixCalmCutoffRaised_namesTheCellsAndTheDaysThatBecomeLowVol(@TempDir Path tmp) throws IOException {
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
        // lines 14 and 15 of regime_vix.drl.csv, column D ("VIX from / to"), as a spreadsheet numbers them
        assertTrue(r.out().contains("2 changes from B to A"), r.out());
        assertTrue(r.out().contains("regime_vix.drl.csv!Sheet1!D14 (VIX from / to) of \"vix from MODERATE: calm\": 0,14.5 -> 0,13.5"),
                r.out());
        assertTrue(r.out().contains("regime_vix.drl.csv!Sheet1!D15 (VIX from / to) of \"vix from MODERATE: stay moderate\""),
                r.out());
        assertTrue(r.out().contains("Final NAV ($)"), r.out());
        assertTrue(r.out().contains("Sharpe"), r.out());
        assertTrue(r.out().contains("Turnover (% a year)"), r.out());
        assertTrue(r.out().contains("2024-12-12  differs in regime"), r.out());
        assertTrue(r.out().matches("(?s).*\\d+ of 5 days' decisions differ.*"), r.out());
    }

    @Test
    void diff_ruleSetAgainstItself_noChangesAndEqualMetrics() {
        RulesValidateCommandTest.Run r = RulesValidateCommandTest.execute("rules", "diff", "--in-memory", "--against",
                "rules", "--from", "2024-12-02", "--to", "2024-12-13");
        assertEquals(ExitCodes.OK, r.code(), r.all());
        assertTrue(r.out().contains("0 changes from B to A"), r.out());
        assertTrue(r.out().contains("0 of 10 days' decisions differ"), r.out());
        String nav = r.out().lines().filter(l -> l.startsWith("Final NAV")).findFirst().orElseThrow();
        assertTrue(nav.strip().endsWith(" 0"), "A - B is zero: " + nav);
    }

    @Test
    void diff_fromAfterTo_badInputNamingBoth() {
        RulesValidateCommandTest.Run r = RulesValidateCommandTest.execute("rules", "diff", "--in-memory", "--against",
                "rules", "--from", "2024-06-30", "--to", "2024-01-03");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.all());
        assertTrue(r.err().startsWith("error: --from 2024-06-30 is after --to 2024-01-03"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
