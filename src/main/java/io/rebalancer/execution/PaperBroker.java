package io.rebalancer.execution;

import io.rebalancer.agents.CycleRecord;
import io.rebalancer.agents.PlannedTrade;
import io.rebalancer.domain.Execution;
import io.rebalancer.domain.Fill;
import io.rebalancer.domain.Ticker;
import io.rebalancer.domain.Timing;
import io.rebalancer.rules.facts.TimingDecided;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a decision's trade plan on paper, with the cost the analyzer modelled for each trade (pro rata to the
 * shares filled). An IMMEDIATE plan fills whole at the close of its as-of day, the price it was made at. A GRADUAL
 * plan of N tranches fills one tranche a trading day, each trade's shares / N (rounded) and the rest in the last;
 * the first at the as-of close, the later ones at the close of the day they fill.
 */
public final class PaperBroker {
    private PaperBroker() {
    }

    /** The number of tranches a decision's timing asks for: N for GRADUAL, else 1. */
    public static int tranches(CycleRecord record) {
        TimingDecided timing = record.decision().timing();
        return timing != null && timing.timing() == Timing.GRADUAL ? Math.max(1, timing.tranches()) : 1;
    }

    /** The first (or only) tranche, at the as-of close. */
    public static Execution fill(CycleRecord record) {
        if (!record.rebalanced()) {
            throw new IllegalArgumentException("decision " + record.cycleId() + " of " + record.asOf() + " is "
                    + record.decision().action() + ": there is nothing to execute");
        }
        Map<String, Double> prices = new HashMap<>();
        record.decision().plan().forEach(p -> prices.put(p.ticker(), p.price()));
        return fill(record, List.of(), record.asOf(), prices).orElseThrow(() -> new IllegalArgumentException(
                "decision " + record.cycleId() + " has no trade of at least one share"));
    }

    /**
     * The next tranche after {@code earlier} (the decision's executions so far), filled at {@code closes} on
     * {@code day}; empty when the plan is complete. A tranche whose rounded shares are all zero is skipped for the
     * next one, so every execution fills something.
     */
    public static java.util.Optional<Execution> fill(CycleRecord record, List<Execution> earlier, LocalDate day,
            Map<String, Double> closes) {
        int tranches = tranches(record);
        Map<String, Long> done = new HashMap<>();
        int tranche = 0;
        for (Execution e : earlier) {
            tranche = Math.max(tranche, e.tranche());
            e.fills().forEach(f -> done.merge(f.ticker().symbol(), f.shares(), Long::sum));
        }
        while (++tranche <= tranches) {
            List<Fill> fills = new ArrayList<>();
            for (PlannedTrade p : record.decision().plan()) {
                long planned = Math.round(p.shares());
                long left = planned - done.getOrDefault(p.ticker(), 0L);
                long shares = tranche == tranches ? left : Math.min(left, Math.round((double) planned / tranches));
                if (shares <= 0) {
                    continue;
                }
                Double close = closes.get(p.ticker());
                if (close == null) {
                    throw new IllegalArgumentException("no close of " + p.ticker() + " on " + day + " to fill tranche "
                            + tranche + " of decision " + record.cycleId());
                }
                fills.add(Fill.of(record.cycleId() + "-" + p.ticker() + "-" + tranche, Ticker.of(p.ticker()), p.side(),
                        shares, BigDecimal.valueOf(close), BigDecimal.valueOf(p.cost() * shares / planned)));
            }
            if (!fills.isEmpty()) {
                return java.util.Optional.of(new Execution(record.cycleId(), record.portfolioId(), day, tranche,
                        tranches, fills));
            }
        }
        return java.util.Optional.empty();
    }
}
