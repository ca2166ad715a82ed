package io.rebalancer.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * How far the stored prices lag the market: the business days (Monday to Friday; exchange holidays are not known
 * here and count as business days) after the latest stored day up to the last closed session. More than
 * {@link #STALE_AFTER} is worth a word to the operator, who may have forgotten {@code data fetch}.
 */
public final class DataAge {
    /** Business days behind beyond which the data is called stale (a long weekend with a holiday stays below). */
    public static final int STALE_AFTER = 3;

    private DataAge() {
    }

    /** Business days in (latest, lastClosed]; 0 when latest is on or after lastClosed. */
    public static int businessDaysBehind(LocalDate latest, LocalDate lastClosed) {
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(lastClosed, "lastClosed");
        int n = 0;
        for (LocalDate d = latest.plusDays(1); !d.isAfter(lastClosed); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                n++;
            }
        }
        return n;
    }

    /** The line to show when the latest stored day is more than {@link #STALE_AFTER} business days behind. */
    public static Optional<String> staleNote(LocalDate latest, LocalDate lastClosed) {
        int behind = businessDaysBehind(latest, lastClosed);
        if (behind <= STALE_AFTER) {
            return Optional.empty();
        }
        return Optional.of("the latest stored day, " + latest + ", is " + behind + " business days behind the last"
                + " closed session (" + lastClosed + "); 'data fetch' brings the prices up to date");
    }
}
