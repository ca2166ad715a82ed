package io.rebalancer.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TearSheet} of SPY adj_close 2015-01-02..2024-12-31 (backtest-data/prices/SPY.csv, 2,516 closes). Expected
 * values computed independently with numpy 1.17 from pandas' nanskew/nankurt formulas, quantstats' win_rate and
 * omega, and compounded calendar periods (src/test/resources/tearsheet/expected_values.py, run from the project directory); the years agree with SPY's
 * published total returns (2019 +31.2 %, 2022 -18.2 %).
 */
class TearSheetTest {

    @Test
    void of_spy2015To2024_matchesIndependentNumpy() throws IOException {
        List<LocalDate> dates = new ArrayList<>();
        List<Double> adj = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("backtest-data", "prices", "SPY.csv"))) {
            String[] f = line.split(",");
            if (f[0].equals("date") || f[0].compareTo("2015-01-02") < 0 || f[0].compareTo("2024-12-31") > 0) {
                continue;
            }
            dates.add(LocalDate.parse(f[0]));
            adj.add(Double.parseDouble(f[5]));
        }
        double[] nav = adj.stream().mapToDouble(Double::doubleValue).toArray();
        assertEquals(2516, nav.length);
        TearSheet t = TearSheet.of(dates, nav, ReturnStats.simpleReturns(nav));
        assertEquals(-0.554604773116, t.skew(), 1e-10);
        assertEquals(12.7535355738, t.kurtosis(), 1e-8);
        assertEquals(0.0906033723072, t.bestDay(), 1e-12);
        assertEquals(-0.10942359433, t.worstDay(), 1e-11);
        assertEquals(0.126983666673, t.bestMonth(), 1e-11);   // 2020-04
        assertEquals(-0.124871528756, t.worstMonth(), 1e-11); // 2020-03
        assertEquals(0.312238633513, t.bestYear(), 1e-11);    // 2019
        assertEquals(-0.181753734508, t.worstYear(), 1e-11);  // 2022
        assertEquals(0.5472299721, t.winRate(), 1e-10);
        assertEquals(1.16230584001, t.omega(), 1e-10);
        assertEquals(0, t.trackingErrorBenchmark(), 1e-15);
        assertTrue(Double.isNaN(t.informationRatio()), "no active return against itself");
        assertEquals(0, t.alpha(), 1e-15);
        TrailingReturns tr = t.trailing();
        assertEquals(-0.0240602120793, tr.mtd(), 1e-12);
        assertEquals(0.0249103823017, tr.m3(), 1e-12);
        assertEquals(0.0838561749106, tr.m6(), 1e-12);
        assertEquals(0.248864462872, tr.ytd(), 1e-11);
        assertEquals(0.248864462872, tr.y1(), 1e-11);
        assertEquals(0.0887755878961, tr.y3Annualised(), 1e-12);
        assertEquals(0.144784091071, tr.y5Annualised(), 1e-11);
        assertEquals(0.130313593393, tr.y10Annualised(), 1e-11);
        // the 10y window is the whole run, so it is the run's CAGR
        assertEquals(ReturnStats.cagr(nav), tr.y10Annualised(), 1e-14);
    }
}
