package io.rebalancer.cli;

import io.rebalancer.domain.Execution;
import io.rebalancer.domain.Fill;
import io.rebalancer.service.ExecutionOutcome;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.rebalancer.cli.CycleConsoleReport.f;

/** The console and JSON views of a paper execution. */
final class ExecutionConsoleReport {
    private ExecutionConsoleReport() {
    }

    static String render(ExecutionOutcome o) {
        Execution e = o.execution();
        StringBuilder s = new StringBuilder();
        if (o.alreadyExecuted()) {
            s.append(e.tranche() < e.tranches()
                    ? f("Decision %s filled tranche %d of %d at the %s close; the next fills at a later close.%n",
                            e.cycleId(), e.tranche(), e.tranches(), e.date())
                    : f("Decision %s was executed before (%s close); nothing was done again.%n", e.cycleId(), e.date()));
        }
        s.append(f("PAPER EXECUTION of decision %s (%s) at the %s close%s%n", e.cycleId(), e.portfolioId(), e.date(),
                e.tranches() > 1 ? f(", tranche %d of %d", e.tranche(), e.tranches()) : ""));
        s.append(f("%-8s %-5s %10s %12s %14s %10s  %s%n", "Ticker", "Side", "Shares", "Price", "Value", "Cost",
                "Client order id"));
        for (Fill fill : e.fills()) {
            s.append(f("%-8s %-5s %,10d %12s %14s %10s  %s%n", fill.ticker(), fill.side(), fill.shares(),
                    money(fill.price()), money(fill.value()), money(fill.cost()), fill.clientOrderId()));
        }
        s.append(f("Total: %d fills, %s traded, cost %s; cash %s -> %s%n", e.fills().size(), money(e.tradedValue()),
                money(e.cost()), money(o.before().cash()), money(o.after().cash())));
        s.append("Cycles after ").append(e.date()).append(" start from these holdings.\n");
        return s.toString();
    }

    static Map<String, Object> json(ExecutionOutcome o) {
        Execution e = o.execution();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cycle_id", e.cycleId());
        doc.put("portfolio_id", e.portfolioId());
        doc.put("date", e.date().toString());
        doc.put("tranche", e.tranche());
        doc.put("tranches", e.tranches());
        doc.put("already_executed", o.alreadyExecuted());
        List<Map<String, Object>> fills = e.fills().stream().map(fill -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("client_order_id", fill.clientOrderId());
            m.put("ticker", fill.ticker().symbol());
            m.put("side", fill.side().name());
            m.put("shares", fill.shares());
            m.put("price", fill.price());
            m.put("value", fill.value());
            m.put("cost", fill.cost());
            return m;
        }).toList();
        doc.put("fills", fills);
        doc.put("cash_before", o.before().cash());
        doc.put("cash_after", o.after().cash());
        Map<String, Long> shares = new LinkedHashMap<>();
        o.after().shares().forEach((t, n) -> shares.put(t.symbol(), n));
        doc.put("shares_after", shares);
        return doc;
    }

    private static String money(BigDecimal value) {
        return f("$%,.2f", value);
    }
}
