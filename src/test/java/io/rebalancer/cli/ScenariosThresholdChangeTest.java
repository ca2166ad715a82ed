package io.rebalancer.cli;

import io.rebalancer.rules.drools.DroolsRuleEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rebalancer.testsupport.WorkbookCells;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changing one number in a copy of the tables changes the decision on a fixed day, with no Java change. */
class ScenariosThresholdChangeTest {
    @TempDir
    Path tmp;

    private Path copyRules() throws IOException {
        Path dir = tmp.resolve("rules");
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void run_vixCalmCutoffRaisedTo14_5_realDay20241212BecomesLowVol() throws IOException {
        Path day = Path.of("scenarios", "14-market-day-2024-12-12-live.json");
        ScenariosRunner.Outcome before = new ScenariosRunner(DroolsRuleEngine.load(Path.of("rules")), Path.of("backtest-data"))
                .run(day).outcome();
        assertEquals("MODERATE", before.regime());

        Path rules = copyRules();
        Path vix = rules.resolve("regime_vix.drl.xlsx");
        // VIX 13.92 that day: leaving MODERATE for LOW_VOL now needs VIX below 14.5 instead of 13.5 (two cells,
        // edited with Apache POI as a spreadsheet would)
        WorkbookCells.set(vix, "vix from MODERATE: calm", "VIX to", 14.5);
        WorkbookCells.set(vix, "vix from MODERATE: stay moderate", "VIX from", 14.5);
        ScenariosRunner.Outcome after = new ScenariosRunner(DroolsRuleEngine.load(rules), Path.of("backtest-data"))
                .run(day).outcome();

        assertEquals("LOW_VOL", after.regime());
        assertTrue(after.fired().contains("vix from MODERATE: calm"), after.fired().toString());
        assertTrue(after.fired().contains("adaptive: calm after moderate"), after.fired().toString());
        assertTrue(after.thresholdChanges().contains("REGIME_STEP"), after.thresholdChanges().toString());
        assertFalse(before.thresholdChanges().contains("REGIME_STEP"), before.thresholdChanges().toString());
    }

    @Test
    void run_moderateCostBudgetCutToOneBp_partialScenarioSwitchesToCheaperBandEdge() throws IOException {
        Path scenario = Path.of("scenarios", "03-partial-moderate-turnover-cap.json");
        assertEquals("PARTIAL", new ScenariosRunner(DroolsRuleEngine.load(Path.of("rules")), null).run(scenario).outcome().chosen());

        Path rules = copyRules();
        Path weights = rules.resolve("scoring_weights.drl.csv");
        // MODERATE cost budget 0.0010 -> 0.0001 of NAV: PARTIAL (0.8 bp) now scores 2/10 on cost, BAND_EDGE (0.6 bp) 4/10
        Files.writeString(weights, Files.readString(weights).replace("weights: MODERATE,analyze,MODERATE,\"0.40,0.20,0.20,0.20,0.0010\"",
                "weights: MODERATE,analyze,MODERATE,\"0.40,0.20,0.20,0.20,0.0001\""));
        ScenariosRunner.Outcome after = new ScenariosRunner(DroolsRuleEngine.load(rules), null).run(scenario).outcome();
        assertEquals("BAND_EDGE", after.chosen());
    }
}
