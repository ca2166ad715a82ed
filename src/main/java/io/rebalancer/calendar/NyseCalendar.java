package io.rebalancer.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The New York Stock Exchange's sessions, computed from the exchange's holiday rules (NYSE Rule 7.2 and its
 * published holiday schedules) rather than typed in year by year; no maintained Java library on Maven Central
 * publishes this calendar. Regular sessions close at 16:00 New York time, early closes at 13:00.
 * <ul>
 * <li>Closed: New Year's Day, Martin Luther King Jr. Day (third Monday of January, from 1998), Washington's Birthday
 * (third Monday of February), Good Friday (two days before Western Easter), Memorial Day (last Monday of May),
 * Juneteenth (19 June, from 2022), Independence Day, Labor Day (first Monday of September), Thanksgiving (fourth
 * Thursday of November) and Christmas.</li>
 * <li>A fixed-date holiday on a Saturday is observed the Friday before, on a Sunday the Monday after; except New
 * Year's Day on a Saturday, which is not observed (the exchange stays open on 31 December, the year-end).</li>
 * <li>Early close at 13:00: the day after Thanksgiving; 24 December when it falls Monday to Thursday; 3 July when it
 * falls Monday to Thursday (so Independence Day is a weekday after it).</li>
 * <li>One-off closures the rules cannot know ({@link #SPECIAL_CLOSURES}), from the exchange's announcements.</li>
 * </ul>
 */
public final class NyseCalendar {
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);
    public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);
    /** Unscheduled full-day closures since 2012 (the stored data start in 2012), with the exchange's reason. */
    static final Map<LocalDate, String> SPECIAL_CLOSURES = new TreeMap<>(Map.of(
            LocalDate.of(2012, 10, 29), "Hurricane Sandy",
            LocalDate.of(2012, 10, 30), "Hurricane Sandy",
            LocalDate.of(2018, 12, 5), "National Day of Mourning for President George H. W. Bush",
            LocalDate.of(2025, 1, 9), "National Day of Mourning for President Jimmy Carter"));

    private static final NyseCalendar INSTANCE = new NyseCalendar();

    private NyseCalendar() {
    }

    public static NyseCalendar nyse() {
        return INSTANCE;
    }

    /** The holiday or closure that shuts the exchange on a weekday, if any (weekends are not named). */
    public Optional<String> holiday(LocalDate d) {
        String special = SPECIAL_CLOSURES.get(d);
        if (special != null) {
            return Optional.of(special);
        }
        int y = d.getYear();
        if (d.equals(observed(LocalDate.of(y, 1, 1), false))) {
            return Optional.of("New Year's Day");
        }
        if (y >= 1998 && d.equals(nth(y, Month.JANUARY, DayOfWeek.MONDAY, 3))) {
            return Optional.of("Martin Luther King Jr. Day");
        }
        if (d.equals(nth(y, Month.FEBRUARY, DayOfWeek.MONDAY, 3))) {
            return Optional.of("Washington's Birthday");
        }
        if (d.equals(easter(y).minusDays(2))) {
            return Optional.of("Good Friday");
        }
        if (d.equals(LocalDate.of(y, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))) {
            return Optional.of("Memorial Day");
        }
        if (y >= 2022 && d.equals(observed(LocalDate.of(y, 6, 19), true))) {
            return Optional.of("Juneteenth National Independence Day");
        }
        if (d.equals(observed(LocalDate.of(y, 7, 4), true))) {
            return Optional.of("Independence Day");
        }
        if (d.equals(nth(y, Month.SEPTEMBER, DayOfWeek.MONDAY, 1))) {
            return Optional.of("Labor Day");
        }
        if (d.equals(thanksgiving(y))) {
            return Optional.of("Thanksgiving Day");
        }
        if (d.equals(observed(LocalDate.of(y, 12, 25), true))) {
            return Optional.of("Christmas Day");
        }
        return Optional.empty();
    }

    public boolean isTradingDay(LocalDate d) {
        return !isWeekend(d) && holiday(d).isEmpty();
    }

    /** 13:00 on an early-close day, 16:00 on another trading day, empty when the exchange is closed. */
    public Optional<LocalTime> closeTime(LocalDate d) {
        if (!isTradingDay(d)) {
            return Optional.empty();
        }
        return Optional.of(isEarlyClose(d) ? EARLY_CLOSE : REGULAR_CLOSE);
    }

    public boolean isEarlyClose(LocalDate d) {
        if (!isTradingDay(d)) {
            return false;
        }
        int y = d.getYear();
        DayOfWeek w = d.getDayOfWeek();
        return d.equals(thanksgiving(y).plusDays(1))
                || (d.getMonth() == Month.DECEMBER && d.getDayOfMonth() == 24 && w.getValue() <= 4)
                || (d.getMonth() == Month.JULY && d.getDayOfMonth() == 3 && w.getValue() <= 4);
    }

    /** The session close of a trading day, in New York. */
    public Optional<ZonedDateTime> close(LocalDate d) {
        return closeTime(d).map(t -> ZonedDateTime.of(d, t, NEW_YORK));
    }

    /** The latest trading day whose session had closed at {@code now} (at or before it). */
    public LocalDate lastClosedSession(ZonedDateTime now) {
        ZonedDateTime ny = now.withZoneSameInstant(NEW_YORK);
        LocalDate d = ny.toLocalDate();
        Optional<ZonedDateTime> todayClose = close(d);
        if (todayClose.isPresent() && !ny.isBefore(todayClose.get())) {
            return d;
        }
        return previousTradingDay(d);
    }

    /** The first session close strictly after {@code now}. */
    public ZonedDateTime nextClose(ZonedDateTime now) {
        ZonedDateTime ny = now.withZoneSameInstant(NEW_YORK);
        LocalDate d = ny.toLocalDate();
        while (true) {
            Optional<ZonedDateTime> c = close(d);
            if (c.isPresent() && c.get().isAfter(ny)) {
                return c.get();
            }
            d = d.plusDays(1);
        }
    }

    public LocalDate previousTradingDay(LocalDate d) {
        LocalDate p = d.minusDays(1);
        while (!isTradingDay(p)) {
            p = p.minusDays(1);
        }
        return p;
    }

    public LocalDate nextTradingDay(LocalDate d) {
        LocalDate n = d.plusDays(1);
        while (!isTradingDay(n)) {
            n = n.plusDays(1);
        }
        return n;
    }

    /** Trading days in (after, upTo]: how many sessions {@code upTo} is ahead of {@code after}; 0 when not ahead. */
    public int sessionsBetween(LocalDate after, LocalDate upTo) {
        int n = 0;
        for (LocalDate d = after.plusDays(1); !d.isAfter(upTo); d = d.plusDays(1)) {
            if (isTradingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** Western Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easter(int y) {
        int a = y % 19;
        int b = y / 100;
        int c = y % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(y, month, day);
    }

    private static LocalDate observed(LocalDate holiday, boolean saturdayToFriday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> saturdayToFriday ? holiday.minusDays(1) : null;
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    private static LocalDate thanksgiving(int y) {
        return nth(y, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
