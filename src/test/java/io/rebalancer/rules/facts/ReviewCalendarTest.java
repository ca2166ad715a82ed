package io.rebalancer.rules.facts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Review cadences: the list the thresholds table's drop-down and lint read is the list {@code due} knows. */
class ReviewCalendarTest {
    @Test
    void due_everyListedCadence_firstDayOfEveryPeriodVersusNoneNew() {
        // by the definitions: on the first day of a new week, month, quarter and year every cadence is due but NONE;
        // on a day inside all of them only DAILY is
        List<Boolean> allNew = ReviewCalendar.CADENCES.stream().map(ReviewCalendar.allNew()::due).toList();
        List<Boolean> noneNew = ReviewCalendar.CADENCES.stream().map(ReviewCalendar.noneNew()::due).toList();
        assertEquals(List.of("DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL", "NONE"), ReviewCalendar.CADENCES);
        assertEquals(List.of(true, true, true, true, true, false), allNew);
        assertEquals(List.of(true, false, false, false, false, false), noneNew);
    }

    @Test
    void due_newQuarterNotNewYear_quarterlyDueAnnualNot() {
        ReviewCalendar q = new ReviewCalendar(true, true, true, false);
        assertTrue(q.due("QUARTERLY"));
        assertEquals(false, q.due("ANNUAL"));
    }

    @Test
    void due_misspeltCadence_refusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReviewCalendar.allNew().due("ANUAL"));
        assertTrue(e.getMessage().contains("'ANUAL'"), e.getMessage());
    }

    @Test
    void regimeThresholdsReviews_isTheCalendarsList() {
        assertEquals(ReviewCalendar.CADENCES, RegimeThresholds.REVIEWS);
    }
}
