package io.rebalancer.mcp;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lines that are not JSON-RPC 2.0 messages get the errors of the JSON-RPC 2.0 specification (section 5.1). */
class JsonRpcStdioTest {
    private static String refusal(String line) {
        return JsonRpcStdio.refusal(line).orElse("forwarded");
    }

    @Test
    void refusal_notJson_parseErrorWithNullId() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error: the line is"
                + " not JSON", refusal("{not json").substring(0, 94));
    }

    @Test
    void refusal_batchNumberOrString_invalidRequest() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: batches"
                + " are not supported; send one message per line\"}}", refusal("[1,2,3]"));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: a"
                + " message must be a JSON object\"}}", refusal("42"));
        assertEquals(refusal("42"), refusal("\"hello\""));
    }

    @Test
    void refusal_badIdOrVersion_invalidRequestAnsweringTheIdWhenItIsOne() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32600,\"message\":\"Invalid Request:"
                + " \\\"jsonrpc\\\" must be \\\"2.0\\\"\"}}", refusal("{\"id\":7,\"method\":\"ping\"}"));
        String badId = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: an id"
                + " must be a string or a whole number\"}}";
        assertEquals(badId, refusal("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}"));
        assertEquals(badId, refusal("{\"jsonrpc\":\"2.0\",\"id\":113.5,\"method\":\"ping\"}"));
        assertEquals(badId, refusal("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}"));
    }

    @Test
    void refusal_toolsCallWithoutItsName_invalidParams() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":104,\"error\":{\"code\":-32602,\"message\":\"Invalid params:"
                + " tools/call needs params {\\\"name\\\": tool, \\\"arguments\\\": {...}}\"}}",
                refusal("{\"jsonrpc\":\"2.0\",\"id\":104,\"method\":\"tools/call\"}"));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"error\":{\"code\":-32602,\"message\":\"Invalid params:"
                + " \\\"arguments\\\" must be an object of named arguments\"}}", refusal("{\"jsonrpc\":\"2.0\","
                + "\"id\":\"x\",\"method\":\"tools/call\",\"params\":{\"name\":\"get_stock_info\",\"arguments\":[\"AAPL\"]}}"));
    }

    @Test
    void refusal_requestsNotificationsAndResponses_forwarded() {
        assertEquals(Optional.empty(), JsonRpcStdio.refusal("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"));
        assertEquals(Optional.empty(), JsonRpcStdio.refusal("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
        assertEquals(Optional.empty(), JsonRpcStdio.refusal("{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"result\":{}}"));
        assertEquals(Optional.empty(), JsonRpcStdio.refusal("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"get_stock_info\",\"arguments\":{\"symbol\":\"SPY\"}}}"));
    }
}
