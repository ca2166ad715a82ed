package io.rebalancer.cli;

import io.modelcontextprotocol.server.McpSyncServer;
import io.rebalancer.mcp.RebalancerMcpServer;
import io.rebalancer.mcp.RebalancerTools;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code rebalancer mcp}: the MCP server on stdio until stdin closes or the process is told to stop. Stdout carries
 * only protocol messages: everything else that would print there goes to stderr, where the logs are.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = "Serve the Rebalancer tools (holdings, risk, stock info, balance, orders, cycles, decisions,"
                + " backtests) to an MCP client over stdio. Orders and executing cycles need --allow-trading.")
public class McpCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--allow-trading", description = "Let the client place paper orders and execute cycles")
    boolean allowTrading;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mcp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (AppContext app = new AppContext(store).preloadRules()) {
            RebalancerTools tools = new RebalancerTools(app.stores(), app::liveCycles, allowTrading,
                    app::requireReadableFile);
            io.rebalancer.mcp.JsonRpcStdio stdio = io.rebalancer.mcp.JsonRpcStdio.start(System.in, protocol,
                    stop::countDown);
            McpSyncServer server = RebalancerMcpServer.start(
                    RebalancerMcpServer.stdio(stdio.serverInput(), stdio.serverOutput()), tools,
                    RebalancerCommand.class.getAnnotation(Command.class).version()[0]);
            org.slf4j.LoggerFactory.getLogger(McpCommand.class).info("MCP server on stdio ({}, trading {})",
                    app.stores().description(), allowTrading ? "allowed" : "off");
            stop.await();
            if (!tools.drain(java.time.Duration.ofSeconds(15))) {
                org.slf4j.LoggerFactory.getLogger(McpCommand.class).warn("a tool call still runs after 15 s; stopping");
            }
            server.closeGracefully();
            return ExitCodes.OK;
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for this
            }
        }
    }
}
