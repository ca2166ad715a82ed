package io.rebalancer.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CalendarReturns}, {@link TrailingReturns}, {@link DrawdownPeriods} and {@link Rolling} on hand series. */
class CalendarAndTrailingReturnsTest {
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void calendarReturns_closesAcrossMonthsAndYears_compoundFromPreviousPeriodsLastClose() {
        List<LocalDate> dates = List.of(d("2024-01-30"), d("2024-01-31"), d("2024-02-01"), d("2024-02-29"),
                d("2025-01-02"));
        CalendarReturns c = CalendarReturns.of(dates, new double[] {100, 102, 101, 105, 110});
        assertEquals(List.of(YearMonth.of(2024, 1), YearMonth.of(2024, 2), YearMonth.of(2025, 1)),
                List.copyOf(c.monthly().keySet()));
        assertEquals(0.02, c.monthly().get(YearMonth.of(2024, 1)), 1e-15);
        assertEquals(105.0 / 102 - 1, c.monthly().get(YearMonth.of(2024, 2)), 1e-15);
        assertEquals(110.0 / 105 - 1, c.monthly().get(YearMonth.of(2025, 1)), 1e-15);
        assertEquals(0.05, c.yearly().get(2024), 1e-15);
        assertEquals(110.0 / 105 - 1, c.yearly().get(2025), 1e-15);
    }

    @Test
    void calendarReturns_datesNotAscending_throwsNamingTheDay() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CalendarReturns.of(List.of(d("2024-01-02"), d("2024-01-02")), new double[] {1, 1}));
        assertTrue(e.getMessage().contains("dates[1] = 2024-01-02"), e.getMessage());
    }

    @Test
    void trailing_monthEndCloses_anchorIsLastCloseOnOrBeforeWindowStart() {
        List<LocalDate> dates = List.of(d("2023-12-29"), d("2024-06-28"), d("2024-09-30"), d("2024-11-29"),
                d("2024-12-31"));
        TrailingReturns t = TrailingReturns.of(dates, new double[] {100, 110, 121, 133.1, 140});
        assertEquals(140 / 133.1 - 1, t.mtd(), 1e-15);   // anchor 2024-11-30 -> close of 11-29
        assertEquals(140 / 121.0 - 1, t.m3(), 1e-15);    // 2024-09-30
        assertEquals(140 / 110.0 - 1, t.m6(), 1e-15);    // 2024-06-30 -> 06-28
        assertEquals(0.4, t.ytd(), 1e-15);               // 2023-12-31 -> 12-29
        assertEquals(0.4, t.y1(), 1e-15);
        assertTrue(Double.isNaN(t.y3Annualised()), "the series starts two years after the 3y anchor");
    }

    @Test
    void trailing_seriesStartsWithinGraceOfAnchor_annualisedOverTheReturnsInside() {
        // 10y anchor 2014-12-31; the first close 2015-01-02 is 2 days later, so it stands for it
        List<LocalDate> dates = List.of(d("2015-01-02"), d("2020-01-02"), d("2024-12-31"));
        TrailingReturns t = TrailingReturns.of(dates, new double[] {100, 150, 300});
        assertEquals(Math.pow(3, 252.0 / 2) - 1, t.y10Annualised(), 1e-9);
        // 5y anchor 2019-12-31: last close on or before is 2015-01-02 -> the whole series as well
        assertEquals(t.y10Annualised(), t.y5Annualised(), 1e-9);
    }

    @Test
    void drawdownPeriods_twoEpisodes_deepestFirstWithPeakValleyRecoveryAndDays() {
        List<LocalDate> dates = List.of(d("2024-01-01"), d("2024-01-02"), d("2024-01-03"), d("2024-01-04"),
                d("2024-01-05"), d("2024-01-08"), d("2024-01-09"), d("2024-01-10"), d("2024-01-11"));
        List<DrawdownPeriods.Period> p = DrawdownPeriods.of(dates,
                new double[] {100, 110, 99, 88, 105, 110, 120, 108, 115});
        assertEquals(2, p.size());
        DrawdownPeriods.Period first = p.get(0);
        assertEquals(d("2024-01-02"), first.peak());
        assertEquals(d("2024-01-04"), first.valley());
        assertEquals(d("2024-01-08"), first.recovery());
        assertEquals(88.0 / 110 - 1, first.depth(), 1e-15);
        assertEquals(6, first.days());
        DrawdownPeriods.Period second = p.get(1);
        assertEquals(d("2024-01-09"), second.peak());
        assertEquals(-0.1, second.depth(), 1e-15);
        assertNull(second.recovery());
        assertEquals(2, second.days());
    }

    @Test
    void rolling_windowOfThree_matchesNumpyOnEachWindow() {
        // numpy 1.17: std(ddof=1) * sqrt(252), mean/std * sqrt(252), cov[0,1]/cov[1,1] on each 3-return window
        double[] r = {0.01, 0.03, -0.01, 0.02};
        double[] b = {0.005, 0.02, -0.004, 0.012};
        double[] vol = Rolling.volatility(r, 3);
        assertTrue(Double.isNaN(vol[0]) && Double.isNaN(vol[1]));
        assertEquals(0.317490157327751, vol[2], 1e-12);
        assertEquals(0.330454232837166, vol[3], 1e-12);
        double[] sharpe = Rolling.sharpe(r, 3);
        assertEquals(7.93725393319377, sharpe[2], 1e-10);
        assertEquals(10.1678225488359, sharpe[3], 1e-10);
        double[] beta = Rolling.beta(r, b, 3);
        assertEquals(1.63265306122449, beta[2], 1e-12);
        assertEquals(1.69642857142857, beta[3], 1e-12);
    }
}
