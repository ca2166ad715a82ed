package io.rebalancer.backtest;

import io.rebalancer.agents.CycleRecord;
import io.rebalancer.backtest.BacktestResult.DecisionOutcome;
import io.rebalancer.domain.ScenarioType;
import io.rebalancer.service.RecordJson;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Regret on a hand-made case. Targets 50/50; on day t the book holds 60 A and 40 B at 10 each (NAV 1,000, no cash).
 * FULL sells 10 A and buys 10 B, 0.50 cost each; DEFER trades nothing. Horizon 2 days: A 10 -> 11 -> 11,
 * B 10 -> 10 -> 11. lambda 0.5. By hand:
 * <pre>
 * FULL : cash -1; NAV 999 -> 1,049 -> 1,099; R = 0.099; daily r = 1049/999-1, 1099/1049-1; target r = 0.05, 0.05
 *        TE = sd(two active returns) x sqrt(2) = |a1 - a2| = |0.0500500 - 0.05 - (0.0476644 - 0.05)| = 0.0023856
 *        objective = 0.099 - 0.5 x 0.0023856 = 0.0978072
 * DEFER: NAV 1,000 -> 1,060 -> 1,100; R = 0.1; TE = |0.06 - 0.05 - (1100/1060 - 1 - 0.05)| = 0.0222642
 *        objective = 0.1 - 0.5 x 0.0222642 = 0.0888679
 * </pre>
 * Choosing DEFER regrets 0.0978072 - 0.0888679 = 0.0089393 (best alternative FULL): its return part is
 * 0.099 - 0.1 = -0.001 (deferring earned more), its tracking-error part 0.5 x (0.0222642 - 0.0023856) = 0.0099393;
 * the active return of the deferral is R(DEFER) - R(FULL) = 0.001. Choosing FULL regrets nothing (active return
 * against deferring 0.099 - 0.1 = -0.001).
 */
class RegretScorerTest {
    private static final double[][] ADJ = {{10, 11, 11}, {10, 10, 11}};
    private static final List<LocalDate> DATES = TinyMarket.dates("2024-03-01", "2024-03-04", "2024-03-05");

    static CycleRecord record(String action, String chosen, boolean fullVetoed) {
        String trades = "[{\"ticker\":{\"symbol\":\"A\"},\"side\":\"SELL\",\"shares\":10,\"price\":10,\"value\":100,\"cost\":0.5},"
                + "{\"ticker\":{\"symbol\":\"B\"},\"side\":\"BUY\",\"shares\":10,\"price\":10,\"value\":100,\"cost\":0.5}]";
        String json = "{\"cycleId\":\"c1\",\"portfolioId\":\"TINY\",\"asOf\":\"2024-03-01\","
                + "\"inputs\":{\"nav\":1000,\"cash\":0,\"shares\":{\"A\":60,\"B\":40}},"
                + "\"monitor\":{\"regime\":{\"regime\":\"MODERATE\"}},"
                + "\"analysis\":{\"scenarios\":["
                + "{\"type\":\"FULL\",\"metrics\":{\"turnover\":0.2,\"cost\":0.001},\"trades\":" + trades
                + ",\"vetoes\":" + (fullVetoed ? "[{\"type\":\"FULL\",\"reason\":\"x\"}]" : "[]") + "},"
                + "{\"type\":\"DEFER\",\"metrics\":{\"turnover\":0,\"cost\":0},\"trades\":[],\"vetoes\":[]}]},"
                + "\"decision\":{\"action\":\"" + action + "\",\"chosen\":{\"type\":\"" + chosen + "\"},"
                + "\"timing\":{\"timing\":\"" + ("REBALANCE".equals(action) ? "IMMEDIATE" : "DEFER") + "\"},"
                + "\"plan\":[],\"thresholdChanges\":[]}}";
        return RecordJson.read(json, CycleRecord.class);
    }

    private static final RegretScorer SCORER = new RegretScorer(List.of("A", "B"), new double[] {0.5, 0.5}, 2, 0.5);

    @Test
    void score_deferWhenFullWouldHaveTrackedBetter_regretIsObjectiveGap() {
        DecisionOutcome o = SCORER.score(record("DEFER", "DEFER", false), 0, ADJ, DATES, 2);
        assertTrue(o.scored());
        assertEquals(ScenarioType.DEFER, o.chosen());
        assertEquals(ScenarioType.FULL, o.bestAlternative());
        double full = 0.099 - 0.5 * Math.abs((1049.0 / 999 - 1 - 0.05) - (1099.0 / 1049 - 1 - 0.05));
        double defer = 0.1 - 0.5 * Math.abs((0.06 - 0.05) - (1100.0 / 1060 - 1 - 0.05));
        assertEquals(0.0978072, full, 1e-7);
        assertEquals(0.0888679, defer, 1e-7);
        assertEquals(full - defer, o.regret(), 1e-12);
        assertEquals(0.0089393, o.regret(), 1e-7);
        assertEquals(0.001, o.activeReturn(), 1e-12);
        assertEquals(-0.001, o.regretReturn(), 1e-12);
        assertEquals(0.0099393, o.regretTracking(), 1e-7);
        assertEquals(o.regret(), o.regretReturn() + o.regretTracking(), 1e-12);
        assertEquals(LocalDate.of(2024, 3, 5), o.horizonEnd());
        assertEquals(0.099, o.scenarios().get(0).horizonReturn(), 1e-12);
    }

    @Test
    void score_fullChosenAndBest_regretIsZeroAndActiveReturnIsCostOfTrading() {
        DecisionOutcome o = SCORER.score(record("REBALANCE", "FULL", false), 0, ADJ, DATES, 2);
        assertEquals(ScenarioType.FULL, o.chosen());
        assertEquals(0.0, o.regret(), 0);
        assertEquals(0.0, o.regretReturn(), 0);
        assertEquals(0.0, o.regretTracking(), 0);
        assertEquals(-0.001, o.activeReturn(), 1e-12);
    }

    @Test
    void score_vetoedAlternative_stillCountsButIsFlagged() {
        DecisionOutcome o = SCORER.score(record("DEFER", "DEFER", true), 0, ADJ, DATES, 2);
        assertTrue(o.scenarios().get(0).vetoed());
        assertEquals(0.0089393, o.regret(), 1e-7);
    }

    @Test
    void score_horizonPastLastVisibleDay_isRefused() {
        assertThrows(IllegalStateException.class, () -> SCORER.score(record("DEFER", "DEFER", false), 0, ADJ, DATES, 1));
    }

    /** A scored decision made on {@code day} (2024-03-dd) whose horizon ends on {@code end}. */
    static DecisionOutcome outcome(int day, int end, ScenarioType chosen, double regret, double active) {
        return new DecisionOutcome(LocalDate.of(2024, 3, day), "c" + day, io.rebalancer.domain.Regime.MODERATE, chosen,
                null, "X", null, true, LocalDate.of(2024, 3, end), List.of(), regret, null, active, regret / 4,
                regret * 3 / 4);
    }

    @Test
    void outcomeBook_scoredDecisions_aggregatePerRegimeAndChosenScenario() {
        OutcomeBook book = new OutcomeBook();
        book.add(SCORER.score(record("DEFER", "DEFER", false), 0, ADJ, DATES, 2));
        book.add(outcome(5, 7, ScenarioType.FULL, 0, -0.001));
        book.add(outcome(7, 9, ScenarioType.FULL, 0, -0.003));
        book.add(outcome(11, 13, ScenarioType.FULL, 0.004, -0.002));
        var stats = book.stats();
        assertEquals(2, stats.size());
        var full = stats.stream().filter(s -> s.type() == ScenarioType.FULL).findFirst().orElseThrow();
        assertEquals(3, full.count());
        assertEquals(-0.002, full.meanOutcome(), 1e-12);
        assertEquals(2.0 / 3, full.hitRate(), 1e-12);
        // by hand: active -0.001 -0.003 -0.002, mean -0.002, deviations .001 -.001 0, sample var 1e-6, sd 0.001,
        // standard error 0.001 / sqrt(3): t = -0.002 / 0.00057735 = -2 sqrt(3) = -3.4641
        assertEquals(-2 * Math.sqrt(3), full.activeT(), 1e-9);
        assertEquals(0.004 / 3 / 4, full.meanRegretReturn(), 1e-12);
        assertEquals(0.004 / 3 * 3 / 4, full.meanRegretTracking(), 1e-12);
        var defer = stats.stream().filter(s -> s.type() == ScenarioType.DEFER).findFirst().orElseThrow();
        assertEquals(0.0089393, defer.meanRegret(), 1e-7);
        assertEquals(-0.001, defer.meanRegretReturn(), 1e-12);
        assertEquals(0.0099393, defer.meanRegretTracking(), 1e-7);
        assertEquals(0.0, defer.hitRate(), 0);
        assertTrue(Double.isNaN(defer.activeT()), "one outcome has no t-statistic");
    }

    @Test
    void outcomeBook_overlappingHorizons_countOnlyTheFirstOfEach() {
        OutcomeBook book = new OutcomeBook();
        assertTrue(book.add(outcome(4, 8, ScenarioType.FULL, 0, -0.001)));
        // made on 03-06, before the horizon of the 03-04 decision ended (03-08): overlaps, not counted
        assertFalse(book.add(outcome(6, 10, ScenarioType.FULL, 0, -0.009)));
        // made on the day that horizon ended: counted
        assertTrue(book.add(outcome(8, 12, ScenarioType.DEFER, 0, 0.002)));
        assertFalse(book.add(outcome(11, 15, ScenarioType.FULL, 0, -0.009)));
        assertEquals(2, book.size());
        assertEquals(4, book.offered());
        assertEquals(-0.001, book.stats().stream().filter(s -> s.type() == ScenarioType.FULL).findFirst()
                .orElseThrow().meanOutcome(), 1e-15);
    }

    @Test
    void outcomeBook_copy_isIndependentAndKeepsTheLastHorizon() {
        OutcomeBook book = new OutcomeBook();
        book.add(outcome(4, 8, ScenarioType.FULL, 0, -0.001));
        book.stats();
        OutcomeBook copy = book.copy();
        assertFalse(copy.add(outcome(6, 10, ScenarioType.FULL, 0, -0.009)), "the copy knows the last horizon");
        assertTrue(copy.add(outcome(9, 12, ScenarioType.FULL, 0, -0.002)));
        assertEquals(2, copy.size());
        assertEquals(1, book.size());
        assertEquals(1, copy.stats().get(0).fresh(), "what was reported before the copy is not fresh again");
    }

    @Test
    void tStatistic_handValues() {
        assertEquals(-2 * Math.sqrt(3), io.rebalancer.rules.facts.OutcomeStats.tStatistic(3, -0.006, 14e-6), 1e-9);
        assertTrue(Double.isNaN(io.rebalancer.rules.facts.OutcomeStats.tStatistic(1, -0.006, 36e-6)));
        assertTrue(Double.isNaN(io.rebalancer.rules.facts.OutcomeStats.tStatistic(2, 0.002, 2e-6)), "zero sd");
    }

    @Test
    void outcomeBook_statsPerCycle_countOnlyNewlyMaturedDecisionsAsFresh() {
        OutcomeBook book = new OutcomeBook();
        book.add(outcome(4, 6, ScenarioType.FULL, 0, -0.001));
        book.add(outcome(6, 8, ScenarioType.FULL, 0, -0.001));
        assertEquals(2, book.stats().get(0).fresh());
        // the next cycle, nothing new has matured: same statistics, nothing fresh for the learning rules
        assertEquals(0, book.stats().get(0).fresh());
        assertEquals(2, book.stats().get(0).count());
        book.add(outcome(8, 10, ScenarioType.FULL, 0, -0.001));
        assertEquals(1, book.stats().get(0).fresh());
        assertEquals(3, book.stats().get(0).count());
    }
}
