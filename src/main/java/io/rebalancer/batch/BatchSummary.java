package io.rebalancer.batch;

import java.util.Locale;

/** The console summary of a batch ({@code run --all}, and the Spark batch of its shards). */
public final class BatchSummary {
    private BatchSummary() {
    }

    public static String text(BatchReport r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "BATCH %s%s%s: %d portfolios in %.1f s (%.2f ms each, %d workers)%n", r.asOf(),
                r.model() == null ? "" : " of model " + r.model(), r.shard() == null ? "" : r.shard().contains("/") ? ", shard " + r.shard() : ", " + r.shard(),
                r.portfolios(), r.elapsedMs() / 1000.0,
                r.msPerPortfolio(), r.workers()));
        s.append(String.format(Locale.ROOT, "Triggered %d, rebalance %d, defer %d, no action %d, do-not-trade %d, failed %d"
                + "%s%s%n", r.triggered(), r.rebalanced(), r.deferred(), r.noAction(), r.doNotTrade(), r.failed(),
                r.alreadyRecorded() > 0 ? ", already recorded " + r.alreadyRecorded() : "",
                r.notStarted() > 0 ? "; " + r.notStarted() + " not started yet (inception after the day)" : ""));
        if (!r.largestDrifts().isEmpty()) {
            s.append("Largest drifts:\n");
            for (BatchReport.Drift d : r.largestDrifts()) {
                s.append(String.format(Locale.ROOT, "  %-24s %7.2f %%  %s%n", d.portfolioId(), d.driftPct(), d.action()));
            }
        }
        return s.toString();
    }

}
