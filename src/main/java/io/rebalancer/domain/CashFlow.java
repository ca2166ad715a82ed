package io.rebalancer.domain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A contribution (positive amount) or withdrawal (negative) a portfolio declares, in currency, on a schedule: on
 * the first trading day of every month, quarter (January, April, July, October) or year, or once on the first
 * trading day on or after {@code date}. {@code start} and {@code end} (optional, inclusive) bound a recurring flow.
 */
public record CashFlow(double amount, Schedule schedule, LocalDate date, LocalDate start, LocalDate end) {
    /** When a flow falls due. */
    public enum Schedule {
        MONTHLY, QUARTERLY, ANNUAL, ONCE;

        /** The schedule named in a portfolio file: monthly, quarterly, annual or once (any case). */
        public static Schedule parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("schedule '" + text + "' must be monthly, quarterly, annual or once");
            }
        }
    }

    public CashFlow {
        if (!Double.isFinite(amount) || amount == 0) {
            throw new IllegalArgumentException("cash flow amount must be a non-zero number, was " + amount);
        }
        Objects.requireNonNull(schedule, "schedule");
        if (schedule == Schedule.ONCE && date == null) {
            throw new IllegalArgumentException("a cash flow scheduled once needs a date");
        }
        if (schedule != Schedule.ONCE && date != null) {
            throw new IllegalArgumentException("only a cash flow scheduled once has a date; use start and end to bound a "
                    + schedule.name().toLowerCase(Locale.ROOT) + " one");
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("cash flow end " + end + " is before its start " + start);
        }
    }

    public static CashFlow recurring(double amount, Schedule schedule) {
        return new CashFlow(amount, schedule, null, null, null);
    }

    public static CashFlow once(double amount, LocalDate date) {
        return new CashFlow(amount, Schedule.ONCE, date, null, null);
    }

    /**
     * Whether the flow falls due on trading day {@code day}, the previous trading day being {@code previous} (never
     * on the first day of a replay, which has no previous day).
     */
    public boolean fallsOn(LocalDate day, LocalDate previous) {
        if (previous == null || (start != null && day.isBefore(start)) || (end != null && day.isAfter(end))) {
            return false;
        }
        boolean newMonth = day.getMonthValue() != previous.getMonthValue() || day.getYear() != previous.getYear();
        return switch (schedule) {
            case MONTHLY -> newMonth;
            case QUARTERLY -> newMonth && (day.getMonthValue() - 1) % 3 == 0;
            case ANNUAL -> day.getYear() != previous.getYear();
            case ONCE -> previous.isBefore(date) && !day.isBefore(date);
        };
    }
}
