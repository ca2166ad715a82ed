package io.rebalancer.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** The Rebalancer MCP server: {@link RebalancerTools} over a transport (stdio for {@code rebalancer mcp}). */
public final class RebalancerMcpServer {
    public static final String NAME = "rebalancer";
    /** Tool calls that run the rules compile them on first use: allow more than the SDK's default 10 s. */
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private RebalancerMcpServer() {
    }

    public static McpSyncServer start(McpServerTransportProvider transport, RebalancerTools tools, String version) {
        return McpServer.sync(transport)
                .serverInfo(NAME, version)
                .instructions("Paper-trading portfolio rebalancer. Query holdings, risk, prices and the paper account;"
                        + " run a cycle (Monitor -> Analyzer -> Decision on Drools rules) and explain its decision;"
                        + " summarise backtests. Orders fill on paper at the latest stored close.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .requestTimeout(REQUEST_TIMEOUT)
                .tools(tools.specifications())
                .build();
    }

    /** The stdio transport on the given streams (the process's real stdin and stdout for {@code rebalancer mcp}). */
    public static McpServerTransportProvider stdio(InputStream in, OutputStream out) {
        return new StdioServerTransportProvider(McpJsonDefaults.getMapper(), in, out);
    }
}
