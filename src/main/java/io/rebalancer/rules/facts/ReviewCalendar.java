package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/**
 * Input (monitor): whether the as-of day is the first trading day of a new week, month, quarter or year (against
 * the previous stored day).
 */
public record ReviewCalendar(boolean newWeek, boolean newMonth, boolean newQuarter, boolean newYear) {

    /**
     * Every cadence {@link #due} knows, in the order analysts read them: the thresholds table's Review column
     * accepts exactly these (its drop-down, {@code rules validate} and {@link RegimeThresholds} all read this list).
     */
    public static final java.util.List<String> CADENCES =
            java.util.List.of("DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL", "NONE");

    /** Every period is new (the first stored day, or a scenario that asks for a review day). */
    public static ReviewCalendar allNew() {
        return new ReviewCalendar(true, true, true, true);
    }

    /** No period is new (a day inside a week, month, quarter and year). */
    public static ReviewCalendar noneNew() {
        return new ReviewCalendar(false, false, false, false);
    }

    /**
     * True when a calendar review with this cadence is due today: DAILY every day, WEEKLY / MONTHLY / QUARTERLY /
     * ANNUAL on the first trading day of the period, NONE never.
     */
    public boolean due(String review) {
        return switch (review) {
            case "DAILY" -> true;
            case "WEEKLY" -> newWeek;
            case "MONTHLY" -> newMonth;
            case "QUARTERLY" -> newQuarter;
            case "ANNUAL" -> newYear;
            case "NONE" -> false;
            default -> throw new IllegalArgumentException("review cadence '" + review + "' is not one of " + CADENCES);
        };
    }
}
