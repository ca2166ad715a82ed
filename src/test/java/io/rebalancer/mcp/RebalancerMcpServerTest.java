package io.rebalancer.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.rebalancer.agents.Cycle;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.service.LiveCycleService;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.open.StoreOpener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The MCP server in-process: the SDK's client talks to the server's stdio transport over in-memory channels, on a
 * store seeded from backtest-data. Expected figures come from backtest-data/prices/*.csv and the portfolio file.
 */
class RebalancerMcpServerTest {
    private static final String P = "PORT_A_TechGrowth";
    private static Stores stores;
    private static LiveCycleService cycles;
    private static Connection trading;
    private static Connection readOnly;

    record Connection(McpSyncServer server, McpSyncClient client) {
        void close() {
            client.closeGracefully();
            server.closeGracefully();
        }
    }

    @BeforeAll
    static void start() throws IOException {
        stores = StoreOpener.open(StoreConfig.inMemory());
        BacktestDataSeeder.seedIfEmpty(stores, Path.of("backtest-data"));
        cycles = new LiveCycleService(stores, new Cycle(DroolsRuleEngine.load(Path.of("rules"))));
        trading = connect(true);
        readOnly = connect(false);
    }

    static Connection connect(boolean allowTrading) throws IOException {
        Pipe toServer = Pipe.open();
        Pipe toClient = Pipe.open();
        McpSyncServer server = RebalancerMcpServer.start(RebalancerMcpServer.stdio(
                Channels.newInputStream(toServer.source()), Channels.newOutputStream(toClient.sink())),
                new RebalancerTools(stores, () -> cycles, allowTrading), "test");
        McpSyncClient client = McpClient.sync(new ChannelClientTransport(McpJsonDefaults.getMapper(),
                        Channels.newInputStream(toClient.source()), Channels.newOutputStream(toServer.sink())))
                .requestTimeout(Duration.ofMinutes(3)).initializationTimeout(Duration.ofMinutes(1)).build();
        client.initialize();
        return new Connection(server, client);
    }

    @AfterAll
    static void stop() {
        trading.close();
        readOnly.close();
        stores.close();
    }

    @Test
    void parallelOrdersOfOneClient_eachFilledInTurn() throws Exception {
        // three calls in flight at once: the second and third found the portfolio's lease held by this server and
        // were refused as "in use by another process"
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<CallToolResult>> calls = new java.util.ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String id = "parallel-" + i + "-" + System.nanoTime();
                calls.add(pool.submit(() -> call(trading, "place_buy_order",
                        Map.of("portfolio", P, "symbol", "MSFT", "shares", 1, "client_order_id", id))));
            }
            for (java.util.concurrent.Future<CallToolResult> f : calls) {
                Map<String, Object> r = ok(f.get(3, java.util.concurrent.TimeUnit.MINUTES));
                assertEquals(false, r.get("already_placed"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static CallToolResult call(Connection c, String tool, Map<String, Object> args) {
        return c.client().callTool(new McpSchema.CallToolRequest(tool, args));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ok(CallToolResult r) {
        assertNotEquals(Boolean.TRUE, r.isError(), () -> "tool error: " + text(r));
        return (Map<String, Object>) r.structuredContent();
    }

    private static String text(CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    private static double csvClose(String ticker, String date) throws IOException {
        return Files.readAllLines(Path.of("backtest-data", "prices", ticker + ".csv")).stream()
                .filter(l -> l.startsWith(date + ",")).map(l -> Double.parseDouble(l.split(",")[4])).findFirst()
                .orElseThrow();
    }

    @Test
    void listTools_everyTool_hasAnInputAndAnOutputSchema() {
        List<McpSchema.Tool> tools = trading.client().listTools().tools();
        assertEquals(Set.of("query_portfolio_holdings", "query_risk_metrics", "get_stock_info",
                "get_portfolio_balance", "place_buy_order", "place_sell_order", "run_cycle", "explain_decision",
                "list_decisions", "backtest_summary"), tools.stream().map(McpSchema.Tool::name).collect(Collectors.toSet()));
        for (McpSchema.Tool t : tools) {
            assertNotNull(t.inputSchema(), t.name());
            assertNotNull(t.outputSchema(), t.name());
            assertEquals("object", t.outputSchema().get("type"), t.name());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void holdings_atInception_sharesAreFloorOfTargetTimesBasisOverTheCsvClose() throws IOException {
        Map<String, Object> h = ok(call(readOnly, "query_portfolio_holdings", Map.of("portfolio", P, "as_of", "2024-01-02")));

        Map<String, Object> aapl = ((List<Map<String, Object>>) h.get("positions")).get(0);
        assertEquals("AAPL", aapl.get("ticker"));
        assertEquals((long) Math.floor(0.10 * 1_000_000 / csvClose("AAPL", "2024-01-02")),
                ((Number) aapl.get("shares")).longValue());
        assertEquals(1_000_000, ((Number) h.get("nav")).doubleValue(), 0.01);
    }

    @Test
    void errors_areToolErrorsWithTheCommandLinesMessage() {
        CallToolResult unknown = call(readOnly, "query_portfolio_holdings", Map.of("portfolio", "NOPE"));
        assertTrue(unknown.isError());
        assertEquals("unknown portfolio 'NOPE'; stored portfolios: PORT_A_TechGrowth", text(unknown));

        CallToolResult badDate = call(readOnly, "query_risk_metrics", Map.of("portfolio", P, "as_of", "2024-13-01"));
        assertTrue(badDate.isError());
        assertEquals("'2024-13-01' is not a date of the form yyyy-MM-dd", text(badDate));

        CallToolResult early = call(readOnly, "query_portfolio_holdings", Map.of("portfolio", P, "as_of", "2023-06-01"));
        assertEquals("as-of date 2023-06-01 is before the inception 2024-01-02 of PORT_A_TechGrowth", text(early));
    }

    @Test
    void orders_withoutAllowTrading_areRefusedAndWriteNothing() {
        CallToolResult r = call(readOnly, "place_buy_order", Map.of("portfolio", P, "symbol", "AAPL", "shares", 1));
        assertTrue(r.isError());
        assertEquals(RebalancerTools.TRADING_REFUSED, text(r));
        CallToolResult cycle = call(readOnly, "run_cycle", Map.of("portfolio", P, "as_of", "2024-12-12", "execute", true));
        assertEquals(RebalancerTools.TRADING_REFUSED, text(cycle));
    }

    @Test
    void sellOrder_sameClientOrderIdTwice_fillsOnce() throws IOException {
        Map<String, Object> first = ok(call(trading, "place_sell_order",
                Map.of("portfolio", P, "symbol", "XOM", "shares", 7, "client_order_id", "mcp-test-1")));
        Map<String, Object> again = ok(call(trading, "place_sell_order",
                Map.of("portfolio", P, "symbol", "XOM", "shares", 7, "client_order_id", "mcp-test-1")));

        assertEquals(false, first.get("already_placed"));
        assertEquals(true, again.get("already_placed"));
        List<String> lines = Files.readAllLines(Path.of("backtest-data", "prices", "XOM.csv"));
        double lastClose = Double.parseDouble(lines.get(lines.size() - 1).split(",")[4]);
        assertEquals(Math.round(7 * lastClose * 100) / 100.0, ((Number) first.get("value")).doubleValue(), 1e-9);
        assertEquals(((Number) first.get("shares_before")).longValue() - 7, ((Number) first.get("shares_after")).longValue());
        long fills = stores.ledger().executions(P).stream().filter(e -> e.id().equals("order-mcp-test-1")).count();
        assertEquals(1, fills);
    }

    @Test
    void order_whilePortfolioIsBusy_isTheBusyMessage() {
        try (Stores other = StoreOpener.open(StoreConfig.inMemory())) {
            BacktestDataSeeder.seedIfEmpty(other, Path.of("backtest-data"));
            Instant now = Instant.now();
            other.locks().tryAcquire("portfolio:" + P, "another-host:42:abc", now, now.plusSeconds(600));
            RebalancerTools tools = new RebalancerTools(other, () -> cycles, true);
            CallToolResult r = tools.specifications().stream().filter(s -> s.tool().name().equals("place_buy_order"))
                    .findFirst().orElseThrow().callHandler()
                    .apply(null, new McpSchema.CallToolRequest("place_buy_order", Map.of("portfolio", P, "symbol",
                            "AAPL", "shares", 1)));
            assertTrue(r.isError());
            assertTrue(text(r).startsWith("portfolio PORT_A_TechGrowth is in use by another process (another-host:42:abc"),
                    text(r));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void runCycle_thenExplainAndList_findTheRecordedDecision() {
        Map<String, Object> run = ok(call(trading, "run_cycle", Map.of("portfolio", P, "as_of", "2024-11-21")));
        Map<String, Object> decision = (Map<String, Object>) run.get("decision");
        // the README's reference cycle of 2024-11-21: TRIGGERED, BAND_EDGE recommended and chosen
        assertEquals("REBALANCE", decision.get("action"));
        assertEquals("BAND_EDGE", decision.get("scenario"));
        String id = (String) decision.get("cycle_id");

        Map<String, Object> why = ok(call(trading, "explain_decision", Map.of("decision_id", id)));
        assertEquals("BAND_EDGE", why.get("recommended"));
        assertFalse(((List<?>) why.get("fired_rules")).isEmpty());

        Map<String, Object> list = ok(call(trading, "list_decisions", Map.of("portfolio", P, "limit", 5)));
        assertTrue(((List<Map<String, Object>>) list.get("decisions")).stream().anyMatch(d -> id.equals(d.get("cycle_id"))));

        CallToolResult missing = call(trading, "explain_decision", Map.of("decision_id", "ffffffffffffffff"));
        assertEquals("no decision with id ffffffffffffffff; 'history' lists the stored ones", text(missing));
    }

    @Test
    void risk_onTheReferenceDay_isModerateWithTheVixReason() {
        Map<String, Object> r = ok(call(readOnly, "query_risk_metrics", Map.of("portfolio", P, "as_of", "2024-12-12")));
        assertEquals("MODERATE", r.get("regime"));
        assertTrue(((String) r.get("regime_reason")).contains("VIX 13.9"));
        assertEquals(252, ((Number) r.get("days")).intValue());
        assertTrue(((Number) r.get("cvar95")).doubleValue() <= ((Number) r.get("var95_historical")).doubleValue());
    }

    @Test
    void stockInfo_andBalance_answer() {
        Map<String, Object> s = ok(call(readOnly, "get_stock_info", Map.of("symbol", "AAPL", "as_of", "2024-12-12")));
        assertEquals(247.960007, ((Number) s.get("close")).doubleValue(), 1e-9);
        Map<String, Object> b = ok(call(readOnly, "get_portfolio_balance", Map.of("portfolio", P)));
        assertTrue(b.containsKey("orders"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void backtestSummary_ofAStoredRun_givesItsStrategies() {
        CallToolResult none = call(readOnly, "backtest_summary", Map.of("run_id", "no-such-run"));
        assertEquals("no backtest run no-such-run; 'backtest list' shows the stored ones", text(none));
        stores.runs().start("mcp-test-run", "{\"run_id\":\"mcp-test-run\",\"portfolio_id\":\"PORT_A_TechGrowth\"}");
        stores.runs().finish("mcp-test-run", "{\"run_id\":\"mcp-test-run\",\"portfolio_id\":\"PORT_A_TechGrowth\","
                + "\"from\":\"2015-01-02\",\"to\":\"2024-12-31\",\"strategies\":{\"agent\":{\"final_nav\":8583644.0}}}");
        Map<String, Object> s = ok(call(readOnly, "backtest_summary", Map.of("run_id", "mcp-test-run")));
        assertEquals("finished", s.get("status"));
        Map<String, Object> agent = ((Map<String, Map<String, Object>>) s.get("strategies")).get("agent");
        assertEquals(8583644.0, ((Number) agent.get("final_nav")).doubleValue());
    }
}
