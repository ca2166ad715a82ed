package io.rebalancer.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.rebalancer.domain.Side;
import io.rebalancer.query.BacktestSummary;
import io.rebalancer.query.BalanceReport;
import io.rebalancer.query.CycleRun;
import io.rebalancer.query.DecisionExplanation;
import io.rebalancer.query.DecisionList;
import io.rebalancer.query.DecisionQueries;
import io.rebalancer.query.HoldingsReport;
import io.rebalancer.query.OrderReport;
import io.rebalancer.query.PortfolioQueries;
import io.rebalancer.query.QueryJson;
import io.rebalancer.query.RiskReport;
import io.rebalancer.query.StockInfo;
import io.rebalancer.service.LiveCycleService;
import io.rebalancer.service.OrderService;
import io.rebalancer.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The tools the MCP server offers, each with a JSON schema for its arguments and one for its result (derived from
 * the result record). A failure is a tool error whose text is the line the command line prints for it. Orders,
 * and {@code run_cycle} with {@code execute}, are refused unless trading was allowed when the server started.
 */
public final class RebalancerTools {
    /** The text of a trading tool's refusal when the server was started without --allow-trading. */
    public static final String TRADING_REFUSED = "trading is off: start the server with --allow-trading to place paper"
            + " orders or execute cycles";
    /** How long without a call counts as idle when stdin has closed. */
    static final java.time.Duration QUIET = java.time.Duration.ofMillis(750);
    private static final Logger LOG = LoggerFactory.getLogger(RebalancerTools.class);

    private final Stores stores;
    private final Supplier<LiveCycleService> cycles;
    private final boolean allowTrading;
    private final java.util.function.Consumer<String> portfolioCheck;
    private final java.util.concurrent.ConcurrentMap<String, java.util.concurrent.locks.ReentrantLock> writers =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Object calls = new Object();
    private int running;
    private long lastActivity = System.nanoTime();
    private boolean closed;

    /** {@code cycles} is asked for only by the tools that run the rules (risk, run_cycle). */
    public RebalancerTools(Stores stores, Supplier<LiveCycleService> cycles, boolean allowTrading) {
        this(stores, cycles, allowTrading, id -> { });
    }

    /**
     * {@code portfolioCheck} sees every {@code portfolio} argument before its tool runs and may throw for it: the
     * command line passes one that throws the portfolio file's own error when the file did not read, so the client
     * learns what is wrong with the file rather than that the portfolio is unknown.
     */
    public RebalancerTools(Stores stores, Supplier<LiveCycleService> cycles, boolean allowTrading,
            java.util.function.Consumer<String> portfolioCheck) {
        this.stores = stores;
        this.cycles = cycles;
        this.allowTrading = allowTrading;
        this.portfolioCheck = java.util.Objects.requireNonNull(portfolioCheck, "portfolioCheck");
    }

    public List<SyncToolSpecification> specifications() {
        List<SyncToolSpecification> out = new ArrayList<>();
        out.add(tool("query_portfolio_holdings", "Holdings of a portfolio at a close: shares, price, value, weight,"
                        + " target and drift per position and sector, cash, NAV and portfolio drift (fractions of NAV).",
                Inputs.of().portfolio().asOf(), HoldingsReport.class, true,
                a -> queries().holdings(a.text("portfolio"), a.date("as_of"))));
        out.add(tool("query_risk_metrics", "Trailing-252-day risk of today's weights: VaR95 historical, Gaussian and"
                        + " Cornish-Fisher, CVaR95 (daily returns), Sharpe, beta, volatility, drawdown, the VaR"
                        + " thresholds in force, and the market regime the rules conclude with the reason.",
                Inputs.of().portfolio().asOf(), RiskReport.class, true,
                a -> queries().risk(a.text("portfolio"), a.date("as_of"))));
        out.add(tool("get_stock_info", "One ticker's stored daily bar and its total returns over 1, 5, 21, 63 and 252"
                        + " trading days, with the 21-day volatility.",
                Inputs.of().text("symbol", "Ticker, e.g. AAPL", true).asOf(), StockInfo.class, true,
                a -> queries().stockInfo(a.text("symbol"), a.date("as_of"))));
        out.add(tool("get_portfolio_balance", "The paper account at the latest close: cash, shares per position and"
                        + " every executed fill (decisions' and orders placed by hand).",
                Inputs.of().portfolio(), BalanceReport.class, true, a -> queries().balance(a.text("portfolio"))));
        out.add(order("place_buy_order", Side.BUY));
        out.add(order("place_sell_order", Side.SELL));
        out.add(tool("run_cycle", "Run and record one Monitor -> Analyzer -> Decision cycle (as 'rebalancer run');"
                        + " with execute, fill a rebalance (or the next GRADUAL tranche) on paper, which needs"
                        + " --allow-trading. Rerunning the same day writes nothing new.",
                Inputs.of().portfolio().asOf().flag("execute", "Execute the day's decision on paper"), CycleRun.class,
                false, a -> {
                    boolean execute = a.flag("execute");
                    if (execute && !allowTrading) {
                        throw new IllegalArgumentException(TRADING_REFUSED);
                    }
                    return decisions().run(a.text("portfolio"), a.date("as_of"), execute);
                }));
        out.add(tool("explain_decision", "Why a stored decision came out as it did: reasoning, triggers, fired rules by"
                        + " phase, scenario scores and vetoes, recommendation, choice, timing, plan, threshold changes.",
                Inputs.of().text("decision_id", "A cycle id, or a unique prefix of at least 6 characters", true),
                DecisionExplanation.class, true, a -> decisions().explain(a.text("decision_id"))));
        out.add(tool("list_decisions", "Stored live decisions of a portfolio, newest first, with how far each was"
                        + " executed.",
                Inputs.of().portfolio().integer("limit", "How many, 1.." + DecisionQueries.MAX_LIMIT + " (default 10)"),
                DecisionList.class, true, a -> decisions().list(a.text("portfolio"), a.wholeNumber("limit", 10))));
        out.add(tool("backtest_summary", "A stored backtest run (default: the latest finished one): period, rule set"
                        + " and each strategy's final NAV, CAGR, volatility, Sharpe, drawdown, turnover and costs.",
                Inputs.of().text("run_id", "Run id ('backtest list'); default the latest finished run", false),
                BacktestSummary.class, true, a -> decisions().backtest(a.optionalText("run_id"))));
        return out;
    }

    private SyncToolSpecification order(String name, Side side) {
        return tool(name, "Place a paper " + side.name().toLowerCase(java.util.Locale.ROOT) + " order: whole shares of"
                        + " one of the portfolio's positions at the latest stored close, with the modelled cost;"
                        + " idempotent by client_order_id. Refused unless the server runs with --allow-trading.",
                Inputs.of().portfolio().text("symbol", "Ticker, one of the portfolio's positions", true)
                        .integer("shares", "Whole shares, positive").required("shares")
                        .text("client_order_id", "Idempotency key: the same id again does nothing", false),
                OrderReport.class, false, a -> {
                    if (!allowTrading) {
                        throw new IllegalArgumentException(TRADING_REFUSED);
                    }
                    return OrderReport.of(new OrderService(stores).place(a.text("portfolio"), side, a.text("symbol"),
                            a.wholeNumber("shares"), a.optionalText("client_order_id")));
                });
    }

    private PortfolioQueries queries() {
        return new PortfolioQueries(stores, cycles.get());
    }

    private DecisionQueries decisions() {
        return new DecisionQueries(stores, cycles);
    }

    /**
     * Waits (at most {@code timeout}) until no call has run for {@link #QUIET} (so requests read just before stdin
     * closed still get their answer), then refuses new calls; true when none was left running.
     */
    public boolean drain(java.time.Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        synchronized (calls) {
            while (running > 0 || System.nanoTime() - lastActivity < QUIET.toNanos()) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    closed = true;
                    return false;
                }
                calls.wait(Math.max(1, Math.min(left, QUIET.toNanos()) / 1_000_000));
            }
            closed = true;
            return true;
        }
    }

    private Object call(Function<ToolArgs, Object> handler, ToolArgs args, boolean readOnly) {
        synchronized (calls) {
            if (closed) {
                throw new ShuttingDown();
            }
            running++;
            lastActivity = System.nanoTime();
        }
        try {
            String portfolio = args.optionalText("portfolio");
            if (portfolio != null) {
                portfolioCheck.accept(portfolio);
            }
            if (readOnly || portfolio == null) {
                return handler.apply(args);
            }
            // calls that write for one portfolio take its lease: a client's parallel calls wait their turn here
            // instead of finding the lease held by this very server ("in use by another process")
            java.util.concurrent.locks.ReentrantLock lock = writers.computeIfAbsent(portfolio,
                    k -> new java.util.concurrent.locks.ReentrantLock(true));
            try {
                lock.lockInterruptibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ShuttingDown();
            }
            try {
                return handler.apply(args);
            } finally {
                lock.unlock();
            }
        } finally {
            synchronized (calls) {
                running--;
                lastActivity = System.nanoTime();
                calls.notifyAll();
            }
        }
    }

    private SyncToolSpecification tool(String name, String description, Inputs inputs, Class<?> result,
            boolean readOnly, Function<ToolArgs, Object> handler) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(inputs.schema()).outputSchema(RecordSchema.of(result))
                .annotations(new McpSchema.ToolAnnotations(null, readOnly, false, readOnly, false, null))
                .build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            try {
                Object value = call(handler, new ToolArgs(request.arguments()), readOnly);
                return CallToolResult.builder().structuredContent(QueryJson.toMap(value)).build();
            } catch (ShuttingDown e) {
                return CallToolResult.builder().addTextContent(e.getMessage()).isError(true).build();
            } catch (RuntimeException e) {
                if (!ToolErrors.expected(e) && !(e instanceof io.rebalancer.rules.RuleSetException)) {
                    LOG.error("tool {} failed", name, e);
                }
                return CallToolResult.builder().addTextContent(ToolErrors.message(e)).isError(true).build();
            }
        }).build();
    }

    private static final class ShuttingDown extends RuntimeException {
        ShuttingDown() {
            super("the server is shutting down; the call was not run", null, false, false);
        }
    }

    /** A tool's input schema, built property by property. */
    static final class Inputs {
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();

        static Inputs of() {
            return new Inputs();
        }

        Inputs portfolio() {
            return text("portfolio", "Portfolio id, e.g. PORT_A_TechGrowth", true);
        }

        Inputs asOf() {
            properties.put("as_of", Map.of("type", "string", "format", "date",
                    "description", "Trading day yyyy-MM-dd (default: the latest stored day)"));
            return this;
        }

        Inputs text(String name, String description, boolean isRequired) {
            properties.put(name, Map.of("type", "string", "description", description));
            return isRequired ? required(name) : this;
        }

        Inputs integer(String name, String description) {
            properties.put(name, Map.of("type", "integer", "description", description));
            return this;
        }

        Inputs flag(String name, String description) {
            properties.put(name, Map.of("type", "boolean", "description", description));
            return this;
        }

        Inputs required(String name) {
            required.add(name);
            return this;
        }

        Map<String, Object> schema() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("type", "object");
            s.put("properties", properties);
            s.put("required", required);
            s.put("additionalProperties", false);
            return s;
        }
    }
}
