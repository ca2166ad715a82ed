package io.rebalancer.query;

import io.rebalancer.domain.Fill;
import io.rebalancer.service.ExecutionOutcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** A paper order placed by hand: its fill, and cash and shares of the ticker before and after it. */
public record OrderReport(String portfolioId, String clientOrderId, String executionId, LocalDate date, String ticker,
                          String side, long shares, BigDecimal price, BigDecimal value, BigDecimal cost,
                          boolean alreadyPlaced, BigDecimal cashBefore, BigDecimal cashAfter, long sharesBefore,
                          long sharesAfter, Map<String, Long> positionsAfter) {
    public static OrderReport of(ExecutionOutcome o) {
        Fill f = o.execution().fills().get(0);
        Map<String, Long> after = new TreeMap<>();
        o.after().shares().forEach((t, n) -> after.put(t.symbol(), n));
        return new OrderReport(o.execution().portfolioId(), f.clientOrderId(), o.execution().id(),
                o.execution().date(), f.ticker().symbol(), f.side().name(), f.shares(), f.price(), f.value(), f.cost(),
                o.alreadyExecuted(), o.before().cash(), o.after().cash(), o.before().sharesOf(f.ticker()),
                o.after().sharesOf(f.ticker()), after);
    }
}
