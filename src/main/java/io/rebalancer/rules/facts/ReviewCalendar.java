package io.rebalancer.rules.facts;

import io.rebalancer.domain.*;

/** Input (monitor): whether the as-of day is the first trading day of a new week, month or quarter (against the previous stored day). */
public record ReviewCalendar(boolean newWeek, boolean newMonth, boolean newQuarter) {
    /** True when a review with this cadence (DAILY, WEEKLY, MONTHLY, QUARTERLY) is due today. */
    public boolean due(String review) {
        return switch (review) {
            case "WEEKLY" -> newWeek;
            case "MONTHLY" -> newMonth;
            case "QUARTERLY" -> newQuarter;
            default -> true;
        };
    }
}
