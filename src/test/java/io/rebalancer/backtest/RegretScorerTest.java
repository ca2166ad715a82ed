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
 * Choosing DEFER regrets 0.0978072 - 0.0888679 = 0.0089393 (best alternative FULL, active return 0); choosing FULL
 * regrets nothing (active return 0.099 - 0.1 = -0.001).
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
        assertEquals(0.0, o.activeReturn(), 1e-15);
        assertEquals(LocalDate.of(2024, 3, 5), o.horizonEnd());
        assertEquals(0.099, o.scenarios().get(0).horizonReturn(), 1e-12);
    }

    @Test
    void score_fullChosenAndBest_regretIsZeroAndActiveReturnIsCostOfTrading() {
        DecisionOutcome o = SCORER.score(record("REBALANCE", "FULL", false), 0, ADJ, DATES, 2);
        assertEquals(ScenarioType.FULL, o.chosen());
        assertEquals(0.0, o.regret(), 0);
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

    @Test
    void outcomeBook_scoredDecisions_aggregatePerRegimeAndChosenScenario() {
        OutcomeBook book = new OutcomeBook();
        book.add(SCORER.score(record("DEFER", "DEFER", false), 0, ADJ, DATES, 2));
        book.add(SCORER.score(record("REBALANCE", "FULL", false), 0, ADJ, DATES, 2));
        book.add(SCORER.score(record("REBALANCE", "FULL", false), 0, ADJ, DATES, 2));
        var stats = book.stats();
        assertEquals(2, stats.size());
        var full = stats.stream().filter(s -> s.type() == ScenarioType.FULL).findFirst().orElseThrow();
        assertEquals(2, full.count());
        assertEquals(-0.001, full.meanOutcome(), 1e-12);
        assertEquals(1.0, full.hitRate(), 0);
        var defer = stats.stream().filter(s -> s.type() == ScenarioType.DEFER).findFirst().orElseThrow();
        assertEquals(0.0089393, defer.meanRegret(), 1e-7);
        assertEquals(0.0, defer.hitRate(), 0);
    }

    @Test
    void outcomeBook_statsPerCycle_countOnlyNewlyMaturedDecisionsAsFresh() {
        OutcomeBook book = new OutcomeBook();
        book.add(SCORER.score(record("REBALANCE", "FULL", false), 0, ADJ, DATES, 2));
        book.add(SCORER.score(record("REBALANCE", "FULL", false), 0, ADJ, DATES, 2));
        assertEquals(2, book.stats().get(0).fresh());
        // the next cycle, nothing new has matured: same statistics, nothing fresh for the learning rules
        assertEquals(0, book.stats().get(0).fresh());
        assertEquals(2, book.stats().get(0).count());
        book.add(SCORER.score(record("REBALANCE", "FULL", false), 0, ADJ, DATES, 2));
        assertEquals(1, book.stats().get(0).fresh());
        assertEquals(3, book.stats().get(0).count());
    }
}
