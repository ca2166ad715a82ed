package io.rebalancer.calendar;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.rebalancer.calendar.NyseCalendar.NEW_YORK;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The rule-based NYSE calendar against the exchange's published holiday and early-close schedules for 2024, 2025
 * and 2026 (nyse.com, "Holidays and Trading Hours"), against every trading day of the stored SPY prices
 * 2012-2025, and on the observed-day shifts.
 */
class NyseCalendarTest {
    private final NyseCalendar nyse = NyseCalendar.nyse();

    private Set<LocalDate> closedWeekdays(int year) {
        Set<LocalDate> out = new TreeSet<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5 && !nyse.isTradingDay(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private Set<LocalDate> earlyCloses(int year) {
        Set<LocalDate> out = new TreeSet<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (nyse.isEarlyClose(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private static Set<LocalDate> dates(String... iso) {
        return java.util.Arrays.stream(iso).map(LocalDate::parse).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void holidays_2024_matchThePublishedSchedule() {
        assertEquals(dates("2024-01-01", "2024-01-15", "2024-02-19", "2024-03-29", "2024-05-27", "2024-06-19",
                "2024-07-04", "2024-09-02", "2024-11-28", "2024-12-25"), closedWeekdays(2024));
        assertEquals(dates("2024-07-03", "2024-11-29", "2024-12-24"), earlyCloses(2024));
    }

    @Test
    void holidays_2025_matchThePublishedScheduleWithTheDayOfMourning() {
        assertEquals(dates("2025-01-01", "2025-01-09", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26",
                "2025-06-19", "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25"), closedWeekdays(2025));
        assertEquals(dates("2025-07-03", "2025-11-28", "2025-12-24"), earlyCloses(2025));
    }

    @Test
    void holidays_2026_matchThePublishedScheduleWithIndependenceDayObservedOnFriday() {
        assertEquals(dates("2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19",
                "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"), closedWeekdays(2026));
        assertEquals(dates("2026-11-27", "2026-12-24"), earlyCloses(2026));
    }

    @Test
    void observedShifts_saturdayNewYearIsNotObserved_otherSaturdaysMoveToFriday_sundaysToMonday() {
        assertTrue(nyse.isTradingDay(LocalDate.of(2021, 12, 31)), "New Year 2022 fell on a Saturday: open on 31 Dec");
        assertFalse(nyse.isTradingDay(LocalDate.of(2023, 1, 2)), "New Year 2023 fell on a Sunday: closed Monday");
        assertFalse(nyse.isTradingDay(LocalDate.of(2022, 6, 20)), "Juneteenth 2022 fell on a Sunday");
        assertTrue(nyse.isTradingDay(LocalDate.of(2021, 6, 18)), "Juneteenth is a holiday from 2022 on");
        assertFalse(nyse.isTradingDay(LocalDate.of(2027, 12, 24)), "Christmas 2027 falls on a Saturday");
        assertFalse(nyse.isEarlyClose(LocalDate.of(2027, 12, 23)), "no early close before an observed Friday");
        assertFalse(nyse.isTradingDay(LocalDate.of(2027, 7, 5)), "Independence Day 2027 falls on a Sunday");
        assertFalse(nyse.isEarlyClose(LocalDate.of(2022, 7, 1)), "4 July 2022 was a Monday: no early close");
    }

    @Test
    void easter_knownDates_fromThePublishedTables() {
        assertEquals(LocalDate.of(2024, 3, 31), NyseCalendar.easter(2024));
        assertEquals(LocalDate.of(2025, 4, 20), NyseCalendar.easter(2025));
        assertEquals(LocalDate.of(2019, 4, 21), NyseCalendar.easter(2019));
        assertEquals(LocalDate.of(2008, 3, 23), NyseCalendar.easter(2008));
        assertEquals(LocalDate.of(2038, 4, 25), NyseCalendar.easter(2038));
    }

    @Test
    void tradingDays_2012To2025_areExactlyTheDaysOfTheStoredSpyPrices() throws IOException {
        Set<LocalDate> stored = Files.readAllLines(Path.of("backtest-data", "prices", "SPY.csv")).stream().skip(1)
                .map(l -> LocalDate.parse(l.substring(0, 10))).collect(Collectors.toCollection(TreeSet::new));
        LocalDate first = ((TreeSet<LocalDate>) stored).first();
        LocalDate last = ((TreeSet<LocalDate>) stored).last();
        Set<LocalDate> computed = new TreeSet<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (nyse.isTradingDay(d)) {
                computed.add(d);
            }
        }
        Set<LocalDate> missing = new TreeSet<>(computed);
        missing.removeAll(stored);
        Set<LocalDate> extra = new TreeSet<>(stored);
        extra.removeAll(computed);
        assertEquals(Set.of(), missing, "calendar trading days without prices");
        assertEquals(Set.of(), extra, "price days the calendar calls closed");
        assertTrue(stored.size() > 3_000);
    }

    @Test
    void lastClosedSessionAndNextClose_aroundAnEarlyCloseAndGoodFriday() {
        assertEquals(LocalDate.of(2024, 7, 3), nyse.lastClosedSession(ZonedDateTime.of(2024, 7, 3, 13, 0, 0, 0, NEW_YORK)));
        assertEquals(LocalDate.of(2024, 7, 2), nyse.lastClosedSession(ZonedDateTime.of(2024, 7, 3, 12, 59, 0, 0, NEW_YORK)));
        assertEquals(LocalDate.of(2024, 3, 28), nyse.lastClosedSession(ZonedDateTime.of(2024, 3, 30, 9, 0, 0, 0, NEW_YORK)));
        assertEquals(ZonedDateTime.of(2024, 4, 1, 16, 0, 0, 0, NEW_YORK),
                nyse.nextClose(ZonedDateTime.of(2024, 3, 28, 16, 0, 0, 0, NEW_YORK)));
        assertEquals(ZonedDateTime.of(2024, 11, 29, 13, 0, 0, 0, NEW_YORK),
                nyse.nextClose(ZonedDateTime.of(2024, 11, 27, 17, 0, 0, 0, NEW_YORK)));
        assertEquals(3, nyse.sessionsBetween(LocalDate.of(2024, 3, 26), LocalDate.of(2024, 4, 1)));
        assertEquals(DayOfWeek.MONDAY, nyse.nextTradingDay(LocalDate.of(2024, 3, 28)).getDayOfWeek());
    }
}
