package io.rebalancer.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code rebalancer mcp} as a client starts it: a separate JVM on this build's classpath (target/classes and the
 * dependencies), spoken to over its stdin and stdout.
 */
class McpStdioEndToEndTest {
    private static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.rebalancer.cli.Main", "mcp", "--in-memory"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void sdkClient_overStdio_callsToolsAndGetsToolErrors() {
        List<String> cmd = command("--allow-trading");
        StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder(cmd.get(0))
                .args(cmd.subList(1, cmd.size())).build(), McpJsonDefaults.getMapper());
        List<String> stderr = new ArrayList<>();
        transport.setStdErrorHandler(line -> {
            synchronized (stderr) {
                stderr.add(line);
            }
        });
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofMinutes(3))
                .initializationTimeout(Duration.ofMinutes(3)).build();
        try {
            McpSchema.InitializeResult init = client.initialize();
            assertEquals("rebalancer", init.serverInfo().name());
            assertEquals(10, client.listTools().tools().size());

            CallToolResult stock = client.callTool(new McpSchema.CallToolRequest("get_stock_info",
                    Map.of("symbol", "AAPL", "as_of", "2024-12-12")));
            assertNotEquals(Boolean.TRUE, stock.isError());
            // backtest-data/prices/AAPL.csv, 2024-12-12: close 247.960007
            assertEquals(247.960007, ((Number) ((Map<?, ?>) stock.structuredContent()).get("close")).doubleValue(), 1e-9);

            CallToolResult order = client.callTool(new McpSchema.CallToolRequest("place_buy_order",
                    Map.of("portfolio", "PORT_A_TechGrowth", "symbol", "AAPL", "shares", 2, "client_order_id", "e2e-1")));
            assertNotEquals(Boolean.TRUE, order.isError());
            assertEquals(2, ((Number) ((Map<?, ?>) order.structuredContent()).get("shares")).intValue());

            CallToolResult unknown = client.callTool(new McpSchema.CallToolRequest("get_portfolio_balance",
                    Map.of("portfolio", "NOPE")));
            assertTrue(unknown.isError());
            assertEquals("unknown portfolio 'NOPE'; stored portfolios: PORT_A_TechGrowth",
                    ((McpSchema.TextContent) unknown.content().get(0)).text());
        } finally {
            client.closeGracefully();
        }
        synchronized (stderr) {
            assertTrue(stderr.stream().anyMatch(l -> l.contains("MCP server on stdio")), "logs go to stderr: " + stderr);
        }
    }

    @Test
    void sdkClient_portfolioWhoseFileDoesNotRead_getsTheFilesOwnError(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        try (var paths = Files.walk(Path.of("backtest-data"))) {
            for (Path from : (Iterable<Path>) paths::iterator) {
                Path to = data.resolve(Path.of("backtest-data").relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Path bad = data.resolve("portfolios").resolve("HALF.json");
        Files.writeString(bad, """
                { "id": "HALF", "basis": 10000, "inception": "2016-01-04", "benchmark": "SPY",
                  "targets": [ {"ticker":"SPY","sector":"Broad","weight_pct":50} ] }
                """);
        List<String> cmd = command("--backtest-data", data.toString());
        StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder(cmd.get(0))
                .args(cmd.subList(1, cmd.size())).build(), McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(line -> { });
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofMinutes(3))
                .initializationTimeout(Duration.ofMinutes(3)).build();
        try {
            client.initialize();
            CallToolResult r = client.callTool(new McpSchema.CallToolRequest("query_portfolio_holdings",
                    Map.of("portfolio", "HALF")));
            assertTrue(r.isError());
            // the file's targets: one of 50 %
            assertEquals(bad + ": targets sum to 50.0 %, not 100 %", ((McpSchema.TextContent) r.content().get(0)).text());

            CallToolResult good = client.callTool(new McpSchema.CallToolRequest("get_portfolio_balance",
                    Map.of("portfolio", "PORT_A_TechGrowth")));
            assertNotEquals(Boolean.TRUE, good.isError(), () -> good.content().toString());
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void stdout_carriesOnlyJsonRpcMessages_andTheServerExitsWhenStdinCloses() throws Exception {
        Process p = new ProcessBuilder(command()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> seen = new ArrayList<>();
        try (OutputStream in = p.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}\n")
                    .getBytes(StandardCharsets.UTF_8));
            in.flush();
            seen.add(json.readTree(out.readLine()));
            in.write(("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"get_stock_info\","
                    + "\"arguments\":{\"symbol\":\"SPY\",\"as_of\":\"2024-12-12\"}}}\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            seen.add(json.readTree(out.readLine()));
            in.close();
            String rest;
            while ((rest = out.readLine()) != null) {
                seen.add(json.readTree(rest));
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the server stops when stdin closes");
        assertEquals(0, p.exitValue());
        for (JsonNode m : seen) {
            assertEquals("2.0", m.path("jsonrpc").asText(), m.toString());
        }
        assertEquals(1, seen.get(0).path("id").asInt());
        assertEquals(2, seen.get(1).path("id").asInt());
        assertEquals("SPY", seen.get(1).path("result").path("structuredContent").path("symbol").asText());
    }
    @Test
    @org.junit.jupiter.api.Timeout(180)
    void malformedLines_answeredWithJsonRpcErrors_theServerGoesOnAndExitsWhenStdinCloses() throws Exception {
        // one line the SDK's transport could not parse made it stop reading: nothing more was answered, and the
        // process never saw stdin close (it held the store until killed)
        Process p = new ProcessBuilder(command()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> seen = new ArrayList<>();
        try (OutputStream in = p.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}\n")
                    .getBytes(StandardCharsets.UTF_8));
            in.flush();
            seen.add(json.readTree(out.readLine()));
            in.write(("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n{not json\n[1,2,3]\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":104,\"method\":\"tools/call\"}\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            for (int k = 0; k < 4; k++) {
                seen.add(json.readTree(out.readLine()));
            }
            in.close();
            String rest;
            while ((rest = out.readLine()) != null) {
                seen.add(json.readTree(rest));
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the server stops when stdin closes");
        assertEquals(0, p.exitValue());
        assertEquals(List.of(-32700, -32600, -32602), seen.subList(1, 4).stream()
                .map(m -> m.path("error").path("code").asInt()).toList());
        assertEquals(104, seen.get(3).path("id").asInt());
        assertEquals(5, seen.get(4).path("id").asInt());
        assertTrue(seen.get(4).has("result"), seen.get(4).toString());
    }
}
