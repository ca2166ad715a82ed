package io.rebalancer.store.memory;

import io.rebalancer.domain.Checks;
import io.rebalancer.store.DecisionLog;
import io.rebalancer.store.StoreException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decisions by cycle id in insertion order, with the live decisions' index kept apart as the MongoDB adapter keeps
 * {@code live_decisions}: the index entry is written even when the decision's cycle id is stored already, and the
 * live lookups go through it, so both stores answer alike.
 */
final class MemoryDecisionLog implements DecisionLog {
    /** Length of a full cycle id: a lookup of this length is exact, never a prefix search. */
    private static final int CYCLE_ID_LENGTH = 16;
    /** Extra index entries read by {@link #recent} so that all decisions of the boundary day come back to be ordered. */
    private static final int BOUNDARY_SLACK = 8;

    private record Stored(String cycleId, String portfolioId, LocalDate asOf, String runId, String record, long seq) {
    }

    private static final Comparator<Stored> OLDEST_FIRST = Comparator.comparing(Stored::asOf)
            .thenComparingLong(Stored::seq);

    private final Map<String, Stored> decisions = new LinkedHashMap<>();
    private final Map<String, LiveRef> liveIndex = new LinkedHashMap<>();
    private long nextSeq;

    @Override
    public synchronized boolean save(String cycleId, String portfolioId, LocalDate asOf, String runId, String json) {
        Checks.notBlank("cycle id", cycleId);
        Checks.notBlank("portfolio id", portfolioId);
        Objects.requireNonNull(asOf, "asOf");
        if (runId != null) {
            Checks.notBlank("run id", runId);
        }
        String record = record(cycleId, json);
        if (runId == null) {
            liveIndex.put(cycleId, new LiveRef(cycleId, portfolioId, asOf));
        }
        return insertIfAbsent(new Stored(cycleId, portfolioId, asOf, runId, record, 0));
    }

    @Override
    public synchronized Optional<String> find(String cycleIdOrPrefix) {
        Checks.notBlank("cycle id", cycleIdOrPrefix);
        Stored exact = decisions.get(cycleIdOrPrefix);
        if (exact != null) {
            return Optional.of(exact.record());
        }
        if (cycleIdOrPrefix.length() < MIN_PREFIX || cycleIdOrPrefix.length() >= CYCLE_ID_LENGTH) {
            return Optional.empty();
        }
        List<Stored> matches = new ArrayList<>(2);
        for (Stored s : decisions.values()) {
            if (s.cycleId().startsWith(cycleIdOrPrefix)) {
                matches.add(s);
                if (matches.size() == 2) {
                    throw new StoreException("cycle id prefix '" + cycleIdOrPrefix + "' is ambiguous: it matches "
                            + matches.get(0).cycleId() + ", " + matches.get(1).cycleId() + " and maybe more");
                }
            }
        }
        return matches.stream().findFirst().map(Stored::record);
    }

    @Override
    public synchronized List<String> recent(String portfolioId, String runId, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        if (runId == null) {
            List<LiveRef> refs = liveIndex.values().stream()
                    .filter(r -> portfolioId == null || portfolioId.equals(r.portfolioId()))
                    .sorted(Comparator.comparing(LiveRef::asOf).reversed())
                    .limit(limit + BOUNDARY_SLACK).toList();
            return byIds(refs, OLDEST_FIRST.reversed(), limit);
        }
        return decisions.values().stream()
                .filter(s -> runId.equals(s.runId()) && (portfolioId == null || portfolioId.equals(s.portfolioId())))
                .sorted(OLDEST_FIRST.reversed()).limit(limit).map(Stored::record)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    @Override
    public synchronized List<String> liveBetween(String portfolioId, LocalDate from, LocalDate to) {
        Checks.notBlank("portfolio id", portfolioId);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        List<LiveRef> refs = liveIndex.values().stream()
                .filter(r -> portfolioId.equals(r.portfolioId()) && !r.asOf().isBefore(from) && !r.asOf().isAfter(to))
                .toList();
        return byIds(refs, OLDEST_FIRST, Integer.MAX_VALUE);
    }

    @Override
    public synchronized List<String> byRun(String runId) {
        Checks.notBlank("run id", runId);
        return decisions.values().stream().filter(s -> runId.equals(s.runId())).sorted(OLDEST_FIRST)
                .map(Stored::record).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    @Override
    public synchronized List<LiveRef> liveRefs() {
        return new ArrayList<>(liveIndex.values());
    }

    @Override
    public synchronized int saveAll(List<Entry> entries) {
        List<String> records = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Checks.notBlank("cycle id", e.cycleId());
            Checks.notBlank("portfolio id", e.portfolioId());
            Objects.requireNonNull(e.asOf(), "asOf of " + e.cycleId());
            records.add(record(e.cycleId(), e.json()));
        }
        // the index entries first, as the MongoDB adapter writes them
        for (Entry e : entries) {
            if (e.runId() == null) {
                liveIndex.put(e.cycleId(), new LiveRef(e.cycleId(), e.portfolioId(), e.asOf()));
            }
        }
        int added = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (insertIfAbsent(new Stored(e.cycleId(), e.portfolioId(), e.asOf(), e.runId(), records.get(i), 0))) {
                added++;
            }
        }
        return added;
    }

    /** Deletes every decision of the run (a backtest run being deleted); live decisions are not in any run. */
    synchronized void deleteRun(String runId) {
        decisions.values().removeIf(s -> runId.equals(s.runId()));
    }

    private boolean insertIfAbsent(Stored s) {
        if (decisions.containsKey(s.cycleId())) {
            return false;
        }
        decisions.put(s.cycleId(), new Stored(s.cycleId(), s.portfolioId(), s.asOf(), s.runId(), s.record(), nextSeq++));
        return true;
    }

    /** The stored decisions the index entries name (an entry without a decision is skipped), sorted and cut. */
    private List<String> byIds(List<LiveRef> refs, Comparator<Stored> order, int limit) {
        List<Stored> named = new ArrayList<>(refs.size());
        for (LiveRef r : refs) {
            Stored s = decisions.get(r.cycleId());
            if (s != null) {
                named.add(s);
            }
        }
        named.sort(order);
        return named.stream().limit(limit).map(Stored::record)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    private static String record(String cycleId, String json) {
        String record = json == null ? "" : json.strip();
        if (!record.startsWith("{") || !record.endsWith("}")) {
            throw new StoreException("decision of cycle " + cycleId + " is not a JSON object");
        }
        return record;
    }
}
