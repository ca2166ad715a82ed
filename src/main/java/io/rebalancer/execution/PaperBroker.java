package io.rebalancer.execution;

import io.rebalancer.agents.CycleRecord;
import io.rebalancer.agents.PlannedTrade;
import io.rebalancer.domain.Execution;
import io.rebalancer.domain.Fill;
import io.rebalancer.domain.Ticker;
import io.rebalancer.domain.Timing;
import io.rebalancer.rules.facts.TimingDecided;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a decision's trade plan on paper at the close of its as-of day, the price the plan was made at, with the
 * cost the analyzer modelled for each trade. An IMMEDIATE plan fills whole; a GRADUAL plan of N tranches fills
 * its first tranche (each trade's shares / N, rounded), leaving the rest to the next cycles, which see the new
 * holdings and decide again.
 */
public final class PaperBroker {
    private PaperBroker() {
    }

    public static Execution fill(CycleRecord record) {
        if (!record.rebalanced()) {
            throw new IllegalArgumentException("decision " + record.cycleId() + " of " + record.asOf() + " is "
                    + record.decision().action() + ": there is nothing to execute");
        }
        TimingDecided timing = record.decision().timing();
        int tranches = timing != null && timing.timing() == Timing.GRADUAL ? Math.max(1, timing.tranches()) : 1;
        List<Fill> fills = new ArrayList<>();
        for (PlannedTrade p : record.decision().plan()) {
            long planned = Math.round(p.shares());
            long shares = tranches == 1 ? planned : Math.round((double) planned / tranches);
            if (shares <= 0) {
                continue;
            }
            BigDecimal cost = BigDecimal.valueOf(p.cost() * shares / planned);
            fills.add(Fill.of(record.cycleId() + "-" + p.ticker() + "-1", Ticker.of(p.ticker()), p.side(), shares,
                    BigDecimal.valueOf(p.price()), cost));
        }
        if (fills.isEmpty()) {
            throw new IllegalArgumentException("decision " + record.cycleId() + " has no trade of at least one share"
                    + (tranches > 1 ? " in its first of " + tranches + " tranches" : ""));
        }
        return new Execution(record.cycleId(), record.portfolioId(), record.asOf(), 1, tranches, fills);
    }
}
