package io.rebalancer.report;

import io.rebalancer.analytics.AttributionResult;
import io.rebalancer.analytics.Linking;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Monthly sector attribution of NAV legs is exact: linked effects = agent's NAV return - benchmark's NAV return. */
class SectorAttributionTest {

    @Test
    void attribute_fixtureAgentVsTargetAndBuyAndHold_linkedEffectsEqualNavExcess() {
        ReportData d = ReportFixtures.data(LocalDate.of(2021, 1, 4), LocalDate.of(2022, 12, 30), "P", "r", Linking.CARINO);
        int n = d.dates().size();
        Map<String, String> sectors = new LinkedHashMap<>();
        Map<String, Double> targets = new LinkedHashMap<>();
        d.portfolio().targets().forEach(t -> {
            sectors.put(t.ticker().toString(), t.sector());
            targets.put(t.ticker().toString(), t.weight());
        });
        SectorAttribution.Leg agent = new SectorAttribution.Leg("agent", d.agent().nav(), d.agentWeights());
        double[] tnav = SectorAttribution.dailyRebalancedNav(targets, d.adjClose(), n);
        SectorAttribution.Leg target = new SectorAttribution.Leg("target", tnav,
                SectorAttribution.constantWeights(targets, n));
        SectorAttribution.Leg bh = SectorAttribution.buyAndHold("bh", targets, d.adjClose(), n);
        double agentReturn = d.agent().nav()[n - 1] / d.agent().nav()[0] - 1;
        for (Linking linking : Linking.values()) {
            for (SectorAttribution.Leg bench : List.of(target, bh)) {
                SectorAttribution.Result r = SectorAttribution.attribute(d.dates(), sectors, d.adjClose(), agent, bench,
                        linking);
                AttributionResult a = r.attribution();
                double benchReturn = bench.nav()[n - 1] / bench.nav()[0] - 1;
                assertEquals(24, a.periods().size());
                assertEquals(agentReturn, a.cumulativePortfolioReturn(), 1e-10, "agent leg of " + linking);
                assertEquals(benchReturn, a.cumulativeBenchmarkReturn(), 1e-10, bench.name() + " leg");
                assertEquals(a.cumulativeExcess(), a.linkedTotal().total(), 1e-12);
                // per-ticker contributions plus cash and costs add up to each leg's return over the run
                double sumP = r.portfolioCashContribution();
                double sumB = r.benchmarkCashContribution();
                for (SectorAttribution.TickerContribution c : r.contributions()) {
                    sumP += c.portfolio();
                    sumB += c.benchmark();
                }
                assertEquals(agentReturn, sumP, 1e-10);
                assertEquals(benchReturn, sumB, 1e-10);
            }
        }
    }

    @Test
    void attribute_costsWithoutCash_bookedInCashSegmentExactly() {
        // two days, one ticker fully held, 1 % cost charged on day 1: the cost is the cash segment's whole effect
        List<LocalDate> dates = List.of(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3));
        Map<String, double[]> adj = Map.of("A", new double[] {100, 110}, "B", new double[] {50, 50});
        Map<String, String> sectors = new LinkedHashMap<>();
        sectors.put("A", "S1");
        sectors.put("B", "S2");
        SectorAttribution.Leg p = new SectorAttribution.Leg("p", new double[] {1, 1.1 * 0.5 + 0.5 - 0.01},
                Map.of("A", new double[] {0.5, 0.5}, "B", new double[] {0.5, 0.5}));
        SectorAttribution.Leg b = new SectorAttribution.Leg("b", new double[] {1, 1.05},
                Map.of("A", new double[] {0.5, 0.5}, "B", new double[] {0.5, 0.5}));
        SectorAttribution.Result r = SectorAttribution.attribute(dates, sectors, adj, p, b, Linking.CARINO);
        AttributionResult a = r.attribution();
        assertEquals(List.of("S1", "S2", SectorAttribution.CASH), a.segments());
        // the cost is the cash segment's interaction; its allocation is only the notional weight's (1e-6 x -Rb)
        assertEquals(-0.01, a.linked(SectorAttribution.CASH).interaction(), 1e-12);
        assertEquals(-SectorAttribution.NOTIONAL_CASH_WEIGHT * 0.05, a.linked(SectorAttribution.CASH).allocation(), 1e-12);
        assertEquals(-0.01, a.linkedTotal().total(), 1e-12);
        assertEquals(-0.01, r.portfolioCashContribution(), 1e-15);
    }
}
