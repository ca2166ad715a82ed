package io.rebalancer.market;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Weekdays counted from the calendar: 2025-12-26 is a Friday, 2025-12-31 a Wednesday, 2026-01-01 a Thursday. */
class DataAgeTest {
    private static final LocalDate FRI = LocalDate.of(2025, 12, 26);

    @Test
    void businessDaysBehind_sameDayOrEarlierClose_zero() {
        assertEquals(0, DataAge.businessDaysBehind(FRI, FRI));
        assertEquals(0, DataAge.businessDaysBehind(FRI, FRI.minusDays(3)));
    }

    @Test
    void businessDaysBehind_overAWeekend_countsOnlyWeekdays() {
        // Sat 27, Sun 28 skipped; Mon 29, Tue 30, Wed 31
        assertEquals(3, DataAge.businessDaysBehind(FRI, LocalDate.of(2025, 12, 31)));
        assertEquals(0, DataAge.businessDaysBehind(FRI, LocalDate.of(2025, 12, 28)));
    }

    @Test
    void staleNote_threeBehind_none() {
        assertEquals(Optional.empty(), DataAge.staleNote(FRI, LocalDate.of(2025, 12, 31)));
    }

    @Test
    void staleNote_fourBehind_namesTheDaysAndTheFetch() {
        assertEquals(Optional.of("the latest stored day, 2025-12-26, is 4 business days behind the last closed"
                + " session (2026-01-01); 'data fetch' brings the prices up to date"),
                DataAge.staleNote(FRI, LocalDate.of(2026, 1, 1)));
    }
}
