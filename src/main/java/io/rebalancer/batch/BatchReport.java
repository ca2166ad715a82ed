package io.rebalancer.batch;

import java.time.LocalDate;
import java.util.List;

/**
 * What a nightly batch did: the counts, the largest drifts and every portfolio's outcome (written as snake_case
 * JSON by {@code run --all --json}).
 */
public record BatchReport(LocalDate asOf, String model, int portfolios, int notStarted, int triggered, int rebalanced,
                          int deferred, int noAction, int doNotTrade, int alreadyRecorded, int failed, int workers,
                          long elapsedMs, double msPerPortfolio, List<Drift> largestDrifts,
                          List<PortfolioOutcome> outcomes) {
    public BatchReport {
        largestDrifts = List.copyOf(largestDrifts);
        outcomes = List.copyOf(outcomes);
    }

    /** One of the largest portfolio drifts of the day. */
    public record Drift(String portfolioId, double driftPct, String action) {
    }

    /**
     * One portfolio's cycle. {@code action} is the decision's (REBALANCE, DEFER, NO_ACTION), or DO_NOT_TRADE for a
     * rebalance of an account that may not trade ({@code decided} keeps what the rules decided); {@code status} is OK
     * or FAILED with {@code error} the one-line reason.
     */
    public record PortfolioOutcome(String portfolioId, String model, String status, String action, String decided,
                                   String verdict, String scenario, Double driftPct, String cycleId,
                                   boolean alreadyRecorded, String error) {
        public boolean failed() {
            return "FAILED".equals(status);
        }

        static PortfolioOutcome failure(String id, String model, String error) {
            return new PortfolioOutcome(id, model, "FAILED", null, null, null, null, null, null, false, error);
        }
    }
}
