package io.rebalancer.scenarios;

import io.rebalancer.rules.drools.DroolsRuleEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rebalancer.testsupport.ShippedRules;
import io.rebalancer.testsupport.WorkbookCells;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changing one number in a copy of the tables changes the decision on a fixed day, with no Java change. */
class ScenariosThresholdChangeTest {
    @TempDir
    Path tmp;

    private Path copyRules() throws IOException {
        return ShippedRules.copyTo(tmp.resolve("rules"));
    }

    @Test
    void run_vixCalmCutoffRaisedTo17_realDay20241121BecomesLowVol() throws IOException {
        Path day = Path.of("scenarios", "14-market-day-2024-11-21-live.json");
        ScenarioOutcome before = new ScenariosRunner(DroolsRuleEngine.load(Path.of("rules")), Path.of("backtest-data"))
                .run(day).outcome();
        assertEquals("MODERATE", before.regime());

        Path rules = copyRules();
        Path vix = rules.resolve("regime_vix.drl.xlsx");
        // VIX 16.87 that day (realised vol 13.82 % already says LOW_VOL): leaving MODERATE for LOW_VOL now needs VIX
        // below 17 instead of 13.5 (two cells, edited with Apache POI as a spreadsheet would)
        WorkbookCells.set(vix, "vix from MODERATE: calm", "VIX to", 17.0);
        WorkbookCells.set(vix, "vix from MODERATE: stay moderate", "VIX from", 17.0);
        ScenarioOutcome after = new ScenariosRunner(DroolsRuleEngine.load(rules), Path.of("backtest-data"))
                .run(day).outcome();

        assertEquals("LOW_VOL", after.regime());
        assertTrue(after.fired().contains("vix from MODERATE: calm"), after.fired().toString());
        assertTrue(after.fired().contains("thresholds: LOW_VOL"), after.fired().toString());
        assertFalse(before.fired().contains("thresholds: LOW_VOL"), before.fired().toString());
    }

    @Test
    void run_moderateCriticalDriftCutTo1Percent_stableDayTriggersOnAaplBand() throws IOException {
        // risk-alone-does-not-trade: MODERATE, a day between reviews, AAPL +1.5 pp (31.5 vs 30 %), inside its 20 pp band
        Path scenario = Path.of("scenarios", "12-risk-alone-does-not-trade.json");
        assertEquals("STABLE", new ScenariosRunner(DroolsRuleEngine.load(Path.of("rules")), null).run(scenario).outcome().verdict());

        Path rules = copyRules();
        Path thresholds = rules.resolve("thresholds.drl.xlsx");
        // the MODERATE "Critical drift (%)" cell 20 -> 1 (one cell, edited with Apache POI as a spreadsheet would;
        // below the portfolio's 2 % adaptive minimum, which bounds learning, not the table): AAPL's band is now
        // min(1 pp, 100 % x 30 %) = 1 pp and its +1.5 pp is outside; Technology's +2.5 pp (AAPL +1.5, NVDA +1) is
        // beyond 1 % too, but sector drift is only observed
        assertEquals("D11", WorkbookCells.set(thresholds, "thresholds: MODERATE", "Critical drift (%)", 1.0));
        ScenarioResult after = new ScenariosRunner(DroolsRuleEngine.load(rules), null).run(scenario);
        assertEquals("TRIGGERED", after.outcome().verdict(), after.line());
        assertTrue(after.outcome().fired().contains("trigger: position outside its band"), after.line());
        assertTrue(after.outcome().fired().contains("observe: sector drift over critical"), after.line());
        assertFalse(after.outcome().fired().contains("trigger: calendar review"), after.line());
    }

    @Test
    void run_moderateReviewSetToNone_annualReviewDayStaysStable() throws IOException {
        // annual-review-returns-to-target: the new year is a review day under ANNUAL and FULL is chosen
        Path scenario = Path.of("scenarios", "16-annual-review-returns-to-target.json");
        assertEquals("FULL", new ScenariosRunner(DroolsRuleEngine.load(Path.of("rules")), null).run(scenario).outcome().chosen());

        Path rules = copyRules();
        Path thresholds = rules.resolve("thresholds.drl.xlsx");
        // the MODERATE "Review" cell ANNUAL -> NONE: no day is a review day; AAPL +2 pp and SPY -2 pp are inside
        // their 20 pp bands, so nothing triggers
        assertEquals("L11", WorkbookCells.set(thresholds, "thresholds: MODERATE", "Review", "NONE"));
        ScenarioResult after = new ScenariosRunner(DroolsRuleEngine.load(rules), null).run(scenario);
        assertEquals("STABLE", after.outcome().verdict(), after.line());
        assertFalse(after.outcome().fired().contains("review: today is a review day"), after.line());
        assertFalse(after.outcome().fired().contains("trigger: calendar review"), after.line());
    }

    @Test
    void run_moderateReviewSetToQuarterly_newQuarterBecomesAReturnToTarget() throws IOException {
        // annual-cadence-skips-a-new-quarter: a new week, month and quarter but not a new year, STABLE under ANNUAL
        Path scenario = Path.of("scenarios", "21-annual-cadence-skips-a-new-quarter.json");
        assertEquals("STABLE", new ScenariosRunner(DroolsRuleEngine.load(Path.of("rules")), null).run(scenario).outcome().verdict());

        Path rules = copyRules();
        Path thresholds = rules.resolve("thresholds.drl.xlsx");
        // the MODERATE "Review" cell ANNUAL -> QUARTERLY: the day is a review; AAPL +2 pp > Medium 1.5 % triggers it,
        // PARTIAL (net 1.82 bp) is vetoed by the review and FULL (2 x 0.01^2 x 10,000 - 0.3 = 1.70 bp) is chosen
        WorkbookCells.set(thresholds, "thresholds: MODERATE", "Review", "QUARTERLY");
        ScenarioResult after = new ScenariosRunner(DroolsRuleEngine.load(rules), null).run(scenario);
        assertEquals("FULL", after.outcome().chosen(), after.line());
        assertTrue(after.outcome().fired().contains("trigger: calendar review"), after.line());
        assertTrue(after.outcome().fired().contains("veto: a calendar review returns to target"), after.line());
        assertTrue(after.outcome().vetoed().contains("PARTIAL"), after.line());
    }

    @Test
    void run_moderateMinimumNetBenefitRaisedTo3bp_bandEdgeDayDefers() throws IOException {
        // turnover-cap-vetoes-full (worked by hand in its description): BAND_EDGE removes all the excess tracking
        // error, benefit 4 / 2 x 0.012^2 x 10,000 = 2.88 bp, cost 0.1 bp, net 2.78 bp a year, the best; PARTIAL 1.88
        // (2.88 - 1.0); FULL and SECTOR (which trades like FULL in this book) are over the turnover cap
        Path scenario = Path.of("scenarios", "03-turnover-cap-vetoes-full.json");
        assertEquals("BAND_EDGE", new ScenariosRunner(DroolsRuleEngine.load(Path.of("rules")), null).run(scenario).outcome().chosen());

        Path rules = copyRules();
        // the MODERATE "Minimum net benefit (bp a year)" cell 0 -> 3: BAND_EDGE's 2.78 bp no longer beats it
        WorkbookCells.set(rules.resolve("cost_benefit.drl.xlsx"), "cost-benefit: MODERATE",
                "Minimum net benefit (bp a year)", 3.0);
        ScenarioOutcome after = new ScenariosRunner(DroolsRuleEngine.load(rules), null).run(scenario).outcome();
        assertEquals("DEFER", after.chosen());
        assertTrue(after.fired().contains("veto: costs more than it is worth"), after.fired().toString());
    }
}
