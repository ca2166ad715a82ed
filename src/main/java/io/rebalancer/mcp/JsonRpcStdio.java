package io.rebalancer.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The stdio channel between a client and the SDK's server transport, one JSON-RPC message per line each way. Every
 * line the client sends is read here first: a line that is not a JSON-RPC 2.0 message (not JSON, a batch, no
 * {@code "jsonrpc": "2.0"}, an id that is neither a string nor a whole number, a {@code tools/call} without a tool
 * name) is answered here with the JSON-RPC error for it, and only the rest reach the SDK, whose transport stopped
 * reading at the first line it could not parse: the server then answered nothing more and never saw the end of
 * stdin. Lines out are written whole, the SDK's and these answers alike, so they never interleave.
 */
public final class JsonRpcStdio {
    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcStdio.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PIPE_BYTES = 1 << 20;

    /** How long after the client closed stdin the server is told to stop if its transport never read the end. */
    private static final long END_GRACE_MS = 60_000;

    private final InputStream toServer;
    private final LineWriter out;

    private JsonRpcStdio(InputStream toServer, LineWriter out) {
        this.toServer = toServer;
        this.out = out;
    }

    /**
     * Starts reading {@code clientIn} on a thread of its own; {@code onEnd} runs once, when the server's transport has
     * read the last message the client sent before closing stdin (so every request was taken up), or at the latest
     * a minute after the client closed it.
     */
    public static JsonRpcStdio start(InputStream clientIn, OutputStream clientOut, Runnable onEnd) {
        try {
            PipedInputStream pipe = new PipedInputStream(PIPE_BYTES);
            PipedOutputStream feed = new PipedOutputStream(pipe);
            LineWriter out = new LineWriter(clientOut);
            Once end = new Once(onEnd);
            Thread reader = new Thread(() -> pump(clientIn, feed, out, end), "mcp-stdin");
            reader.setDaemon(true);
            reader.start();
            return new JsonRpcStdio(new EndOfInput(pipe, end), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the MCP stdio channel", e);
        }
    }

    /** What the SDK's transport reads: the client's valid messages. */
    public InputStream serverInput() {
        return toServer;
    }

    /** What the SDK's transport writes to: the client's stdout, a whole line at a time. */
    public OutputStream serverOutput() {
        return out;
    }

    private static void pump(InputStream clientIn, PipedOutputStream feed, LineWriter out, Once onEnd) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(clientIn, StandardCharsets.UTF_8));
             feed) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Optional<String> error = refusal(line);
                if (error.isPresent()) {
                    out.writeLine(error.get());
                } else {
                    feed.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    feed.flush();
                }
            }
        } catch (IOException e) {
            LOG.warn("MCP stdin: {}", e.getMessage());
        } finally {
            Thread grace = new Thread(() -> {
                try {
                    Thread.sleep(END_GRACE_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                onEnd.run();
            }, "mcp-stdin-end");
            grace.setDaemon(true);
            grace.start();
        }
    }

    /** Runs its action the first time only. */
    private static final class Once implements Runnable {
        private final Runnable action;
        private final java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();

        Once(Runnable action) {
            this.action = action;
        }

        @Override
        public void run() {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        }
    }

    /** The pipe to the server, which runs {@code end} when the server's transport reads its end. */
    private static final class EndOfInput extends java.io.FilterInputStream {
        private final Once end;

        EndOfInput(InputStream in, Once end) {
            super(in);
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                end.run();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n < 0) {
                end.run();
            }
            return n;
        }
    }

    /** The JSON-RPC error answer to a line that is not a message the server can take, or empty when it is one. */
    static Optional<String> refusal(String line) {
        JsonNode m;
        try {
            m = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return Optional.of(error(null, -32700, "Parse error: the line is not JSON ("
                    + e.getOriginalMessage() + ")"));
        }
        if (m == null || !m.isObject()) {
            return Optional.of(error(null, -32600, "Invalid Request: " + (m != null && m.isArray()
                    ? "batches are not supported; send one message per line" : "a message must be a JSON object")));
        }
        JsonNode id = m.get("id");
        boolean validId = id == null || id.isTextual() || id.isIntegralNumber();
        JsonNode answerId = validId ? id : null;
        if (!"2.0".equals(m.path("jsonrpc").asText(null))) {
            return Optional.of(error(answerId, -32600, "Invalid Request: \"jsonrpc\" must be \"2.0\""));
        }
        if (!validId) {
            return Optional.of(error(null, -32600, "Invalid Request: an id must be a string or a whole number"));
        }
        boolean response = m.has("result") || m.has("error");
        if (!response && !m.path("method").isTextual()) {
            return Optional.of(error(answerId, -32600, "Invalid Request: no \"method\""));
        }
        if (id != null && "tools/call".equals(m.path("method").asText())) {
            JsonNode params = m.get("params");
            if (params == null || !params.isObject() || !params.path("name").isTextual()) {
                return Optional.of(error(id, -32602, "Invalid params: tools/call needs params {\"name\": tool,"
                        + " \"arguments\": {...}}"));
            }
            JsonNode args = params.get("arguments");
            if (args != null && !args.isNull() && !args.isObject()) {
                return Optional.of(error(id, -32602, "Invalid params: \"arguments\" must be an object of named"
                        + " arguments"));
            }
        }
        return Optional.empty();
    }

    private static String error(JsonNode id, int code, String message) {
        ObjectNode e = JSON.createObjectNode();
        e.put("jsonrpc", "2.0");
        if (id == null) {
            e.putNull("id");
        } else {
            e.set("id", id);
        }
        e.putObject("error").put("code", code).put("message", message);
        return e.toString();
    }

    /** Collects bytes to each newline and writes the line whole, under one lock with {@link #writeLine}. */
    private static final class LineWriter extends OutputStream {
        private final OutputStream out;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        LineWriter(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            pending.write(b);
            if (b == '\n') {
                pending.writeTo(out);
                pending.reset();
                out.flush();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }

        synchronized void writeLine(String line) throws IOException {
            pending.writeTo(out);
            pending.reset();
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
