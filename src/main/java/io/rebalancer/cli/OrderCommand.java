package io.rebalancer.cli;

import io.rebalancer.domain.Side;
import io.rebalancer.query.OrderReport;
import io.rebalancer.query.QueryJson;
import io.rebalancer.service.OrderService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import static io.rebalancer.cli.CycleConsoleReport.f;

@Command(name = "order", mixinStandardHelpOptions = true,
        description = "Place a paper order by hand: whole shares at the latest stored close with the modelled cost,"
                + " recorded like an execution (later cycles start from it). The same --client-order-id again does"
                + " nothing.")
public class OrderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "SIDE", description = "buy or sell")
    Side side;

    @Parameters(index = "1", paramLabel = "PORTFOLIO", description = "Portfolio id")
    String portfolio;

    @Parameters(index = "2", paramLabel = "SYMBOL", description = "Ticker, one of the portfolio's positions")
    String symbol;

    @Parameters(index = "3", paramLabel = "SHARES", description = "Whole shares, positive")
    long shares;

    @Option(names = "--client-order-id", paramLabel = "ID", description = "Idempotency key (default: a new UUID)")
    String clientOrderId;

    @Option(names = "--json", description = "Print JSON (snake_case keys)")
    boolean json;

    @Override
    public Integer call() {
        try (AppContext app = new AppContext(store)) {
            OrderReport r = OrderReport.of(new OrderService(app.stores()).place(portfolio, side, symbol, shares,
                    clientOrderId));
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? QueryJson.writePretty(r) + System.lineSeparator() : render(r));
            out.flush();
            return ExitCodes.OK;
        }
    }

    static String render(OrderReport r) {
        return (r.alreadyPlaced() ? f("Order %s was placed before; nothing was done again.%n", r.clientOrderId()) : "")
                + f("PAPER ORDER %s of %s at the %s close: %s %,d %s at %.2f = $%,.2f, cost $%,.2f%n",
                r.clientOrderId(), r.portfolioId(), r.date(), r.side(), r.shares(), r.ticker(), r.price(), r.value(),
                r.cost())
                + f("%s %,d -> %,d shares; cash $%,.2f -> $%,.2f%n", r.ticker(), r.sharesBefore(), r.sharesAfter(),
                r.cashBefore(), r.cashAfter());
    }
}
