package io.rebalancer.cli;

import io.rebalancer.testsupport.ShippedRules;
import io.rebalancer.testsupport.WorkbookCells;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesDiffCommandTest {
    @Test
    void diff_vixCalmCutoffRaised_namesTheCellsAndTheDaysThatBecomeLowVol(@TempDir Path tmp) throws IOException {
        Path other = tmp.resolve("rules-b");
        ShippedRules.copyTo(other);
        Path vix = other.resolve("regime_vix.drl.xlsx");
        // the workbook's rows: 9 Drools/notes rows, the header on row 9, data from row 10; "calm" is the fifth rule
        assertEquals("E14", WorkbookCells.set(vix, "vix from MODERATE: calm", "VIX to", 14.5));
        assertEquals("D15", WorkbookCells.set(vix, "vix from MODERATE: stay moderate", "VIX from", 14.5));
        RulesValidateCommandTest.Run r = RulesValidateCommandTest.execute("rules", "diff", "--in-memory", "--against",
                other.toString(), "--from", "2024-12-09", "--to", "2024-12-13");
        assertEquals(ExitCodes.OK, r.code(), r.all());
        assertTrue(r.out().contains("2 changes from B to A"), r.out());
        assertTrue(r.out().contains("regime_vix.drl.xlsx!VIX regime!E14 (VIX to) of \"vix from MODERATE: calm\": 14.5 -> 13.5"),
                r.out());
        assertTrue(r.out().contains("regime_vix.drl.xlsx!VIX regime!D15 (VIX from) of \"vix from MODERATE: stay moderate\":"
                + " 14.5 -> 13.5"), r.out());
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
