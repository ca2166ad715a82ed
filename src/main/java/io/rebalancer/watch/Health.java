package io.rebalancer.watch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the health file says about a running watch: {@code status} running, stopping or stopped; when it checked
 * last and will check next; the last closed session and the latest stored day; per portfolio the last cycle (day,
 * cycle id, when) and the last error; how many alerts were raised since start.
 */
public record Health(String status, long pid, Instant startedAt, Instant lastCheck, Instant nextCheck, int checks,
                     LocalDate lastClosedSession, LocalDate latestStoredDay, List<String> portfolios,
                     Map<String, LastCycle> lastCycles, Map<String, String> lastErrors, int alertsRaised) {
    public Health {
        portfolios = List.copyOf(portfolios);
        lastCycles = Map.copyOf(lastCycles);
        lastErrors = Map.copyOf(lastErrors);
    }

    public record LastCycle(LocalDate asOf, String cycleId, String verdict, String action, Instant at) {
    }
}
