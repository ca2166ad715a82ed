package io.rebalancer.batch;

import java.time.LocalDate;
import java.util.List;

/**
 * What a nightly batch did: the counts, the largest drifts and every portfolio's outcome (written as snake_case
 * JSON by {@code run --all --json}). {@code shard} is null for the whole book, else the {@link Shard} ("K/N") run,
 * or "N shards" for the {@link #merge merged} report of N.
 */
public record BatchReport(LocalDate asOf, String model, String shard, int portfolios, int notStarted, int triggered, int rebalanced,
                          int deferred, int noAction, int doNotTrade, int alreadyRecorded, int failed, int workers,
                          long elapsedMs, double msPerPortfolio, List<Drift> largestDrifts,
                          List<PortfolioOutcome> outcomes) implements java.io.Serializable {
    static final int LARGEST = 10;

    public BatchReport {
        largestDrifts = List.copyOf(largestDrifts);
        outcomes = List.copyOf(outcomes);
    }

    /**
     * The report of a batch run as {@code parts} (the shards of one day and model, run side by side): counts and
     * workers summed, outcomes by portfolio id, the largest drifts re-ranked, and {@code elapsedMs} the wall time
     * of the whole (measured by the caller, as the parts overlap).
     */
    public static BatchReport merge(List<BatchReport> parts, long elapsedMs) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no batch reports to merge");
        }
        BatchReport first = parts.get(0);
        for (BatchReport p : parts) {
            if (!p.asOf().equals(first.asOf()) || !java.util.Objects.equals(p.model(), first.model())) {
                throw new IllegalArgumentException("cannot merge the batch of " + p.asOf() + (p.model() == null ? ""
                        : " (model " + p.model() + ")") + " with that of " + first.asOf()
                        + (first.model() == null ? "" : " (model " + first.model() + ")"));
            }
        }
        List<PortfolioOutcome> outcomes = parts.stream().flatMap(p -> p.outcomes().stream())
                .sorted(java.util.Comparator.comparing(PortfolioOutcome::portfolioId)).toList();
        List<Drift> largest = parts.stream().flatMap(p -> p.largestDrifts().stream())
                .sorted(java.util.Comparator.comparing(Drift::driftPct).reversed()
                        .thenComparing(Drift::portfolioId))
                .limit(LARGEST).toList();
        int portfolios = outcomes.size();
        return new BatchReport(first.asOf(), first.model(), parts.size() + " shards", portfolios,
                parts.stream().mapToInt(BatchReport::notStarted).sum(),
                parts.stream().mapToInt(BatchReport::triggered).sum(),
                parts.stream().mapToInt(BatchReport::rebalanced).sum(),
                parts.stream().mapToInt(BatchReport::deferred).sum(),
                parts.stream().mapToInt(BatchReport::noAction).sum(),
                parts.stream().mapToInt(BatchReport::doNotTrade).sum(),
                parts.stream().mapToInt(BatchReport::alreadyRecorded).sum(),
                parts.stream().mapToInt(BatchReport::failed).sum(),
                parts.stream().mapToInt(BatchReport::workers).sum(), elapsedMs,
                portfolios == 0 ? 0 : (double) elapsedMs / portfolios, largest, outcomes);
    }

    /** One of the largest portfolio drifts of the day. */
    public record Drift(String portfolioId, double driftPct, String action) implements java.io.Serializable {
    }

    /**
     * One portfolio's cycle. {@code action} is the decision's (REBALANCE, DEFER, NO_ACTION), or DO_NOT_TRADE for a
     * rebalance of an account that may not trade ({@code decided} keeps what the rules decided); {@code status} is OK
     * or FAILED with {@code error} the one-line reason.
     */
    public record PortfolioOutcome(String portfolioId, String model, String status, String action, String decided,
                                   String verdict, String scenario, Double driftPct, String cycleId,
                                   boolean alreadyRecorded, String error) implements java.io.Serializable {
        public boolean failed() {
            return "FAILED".equals(status);
        }

        static PortfolioOutcome failure(String id, String model, String error) {
            return new PortfolioOutcome(id, model, "FAILED", null, null, null, null, null, null, false, error);
        }
    }
}
