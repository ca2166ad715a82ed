package io.rebalancer.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceHistoryTest {

    // Thu 2024-01-04, Fri 01-05, Mon 01-08, Tue 01-09, Wed 01-10
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 5),
            LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 9), LocalDate.of(2024, 1, 10));
    private static final List<String> TICKERS = List.of("AAA", "BBB");
    private static final double[][] CLOSE = {{10, 11, 12, 11, 13}, {50, 50, 49, 51, 52}};
    private static final double[][] ADJ = {{9, 10, 11, 10, 12}, {40, 40, 39, 41, 42}};
    private static final double[][] VOLUME = {{100, 200, 300, 400, 500}, {0, 10, 20, 30, 40}};

    private static PriceHistory history() {
        return PriceHistory.of(DATES, TICKERS, CLOSE, ADJ, VOLUME);
    }

    @Test
    void of_validArrays_exposesValuesByTickerAndDay() {
        PriceHistory h = history();
        assertEquals(DATES, h.dates());
        assertEquals(TICKERS, h.tickers());
        assertEquals(5, h.size());
        assertEquals(12, h.close("AAA", 2));
        assertEquals(39, h.adjClose("BBB", 2));
        assertEquals(400, h.volume("AAA", 3));
        assertEquals(5, h.table().rowCount());
    }

    @Test
    void of_inputArraysChangedLater_historyUnchanged() {
        double[][] close = {CLOSE[0].clone(), CLOSE[1].clone()};
        PriceHistory h = PriceHistory.of(DATES, TICKERS, close, ADJ, VOLUME);
        close[0][0] = 999;
        assertEquals(10, h.close("AAA", 0));
    }

    @Test
    void indexOf_tradingDayAndHoliday_findsOrMinusOne() {
        PriceHistory h = history();
        assertEquals(2, h.indexOf(LocalDate.of(2024, 1, 8)));
        assertEquals(-1, h.indexOf(LocalDate.of(2024, 1, 6)));
    }

    @Test
    void indexOnOrBefore_weekendAndBounds_givesPreviousTradingDay() {
        PriceHistory h = history();
        assertEquals(1, h.indexOnOrBefore(LocalDate.of(2024, 1, 7))); // Sunday -> Friday
        assertEquals(2, h.indexOnOrBefore(LocalDate.of(2024, 1, 8)));
        assertEquals(-1, h.indexOnOrBefore(LocalDate.of(2024, 1, 3)));
        assertEquals(4, h.indexOnOrBefore(LocalDate.of(2030, 1, 1)));
    }

    @Test
    void adjCloseReturns_lookbackTwo_returnsLastTwoSimpleReturns() {
        // by hand: day 3: 10/11 - 1, day 4: 12/10 - 1
        assertArrayEquals(new double[] {10.0 / 11 - 1, 0.2}, history().adjCloseReturns("AAA", 4, 2), 1e-15);
    }

    @Test
    void adjCloseReturns_lookbackBeyondStart_returnsWhatExists() {
        assertArrayEquals(new double[] {10.0 / 9 - 1, 0.1}, history().adjCloseReturns("AAA", 2, 10), 1e-15);
        assertEquals(0, history().adjCloseReturns("AAA", 0, 5).length);
    }

    @Test
    void upTo_laterDay_isInvisible() {
        PriceHistory view = history().upTo(2);
        assertEquals(3, view.size());
        assertEquals(DATES.subList(0, 3), view.dates());
        assertEquals(-1, view.indexOf(LocalDate.of(2024, 1, 10)));
        assertEquals(2, view.indexOnOrBefore(LocalDate.of(2024, 1, 10)));
        assertEquals(12, view.close("AAA", 2));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> view.close("AAA", 3));
        assertTrue(e.getMessage().contains("2024-01-08"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> view.adjCloseReturns("AAA", 4, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> view.upTo(3));
    }

    @Test
    void of_unsortedDates_throwsNamingDate() {
        List<LocalDate> dates = List.of(DATES.get(0), DATES.get(2), DATES.get(1), DATES.get(3), DATES.get(4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceHistory.of(dates, TICKERS, CLOSE, ADJ, VOLUME));
        assertTrue(e.getMessage().contains("2024-01-05"), e.getMessage());
    }

    @Test
    void of_duplicateDate_throwsNamingDate() {
        List<LocalDate> dates = List.of(DATES.get(0), DATES.get(1), DATES.get(1), DATES.get(3), DATES.get(4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceHistory.of(dates, TICKERS, CLOSE, ADJ, VOLUME));
        assertTrue(e.getMessage().contains("repeats"), e.getMessage());
    }

    @Test
    void of_nanAdjClose_throwsNamingTickerAndDate() {
        double[][] adj = {ADJ[0].clone(), ADJ[1].clone()};
        adj[1][3] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceHistory.of(DATES, TICKERS, CLOSE, adj, VOLUME));
        assertTrue(e.getMessage().contains("BBB") && e.getMessage().contains("2024-01-09"), e.getMessage());
    }

    @Test
    void of_zeroClose_throwsNamingTickerAndDate() {
        double[][] close = {CLOSE[0].clone(), CLOSE[1].clone()};
        close[0][0] = 0;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceHistory.of(DATES, TICKERS, close, ADJ, VOLUME));
        assertTrue(e.getMessage().contains("AAA") && e.getMessage().contains("2024-01-04"), e.getMessage());
    }

    @Test
    void of_rowLengthMismatch_throwsNamingTicker() {
        double[][] volume = {VOLUME[0], {1, 2}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceHistory.of(DATES, TICKERS, CLOSE, ADJ, volume));
        assertTrue(e.getMessage().contains("BBB"), e.getMessage());
    }

    @Test
    void close_unknownTicker_throwsNamingTicker() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> history().close("ZZZ", 0));
        assertTrue(e.getMessage().contains("ZZZ"), e.getMessage());
    }
}
