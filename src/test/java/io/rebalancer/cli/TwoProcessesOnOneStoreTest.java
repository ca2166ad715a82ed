package io.rebalancer.cli;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.rebalancer.service.HoldLeaseMain;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.mongo.HoldStoreMain;
import io.rebalancer.store.mongo.MongoStores;
import io.rebalancer.store.mongo.WireServerMain;
import io.rebalancer.testsupport.MongoUris;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two processes on one store. The embedded store can be open in one process only: the second gets exit 8 naming
 * the process that holds it. On a MongoDB shared by processes, the portfolio lease decides: the second {@code run}
 * gets exit 8 naming the holder and writes nothing. The MongoDB is a MongoDB-wire server in a JVM of its own here
 * (always run), and the real server of {@code MONGODB_URI} when that is set.
 */
class TwoProcessesOnOneStoreTest {
    private static final String PORTFOLIO = "PORT_A_TechGrowth";
    @TempDir
    Path tmp;

    /** A child JVM running {@code mainClass args}, once it printed a line starting with {@code ready}. */
    private record Child(Process process, String firstLine) implements AutoCloseable {
        static Child start(Class<?> mainClass, String ready, String... args) throws Exception {
            List<String> cmd = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), mainClass.getName()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith(ready)) {
                // start-up logging
            }
            assertTrue(line != null, mainClass.getSimpleName() + " ended before it was " + ready);
            Thread drain = new Thread(() -> {
                try {
                    out.transferTo(java.io.Writer.nullWriter());
                } catch (java.io.IOException e) {
                    // ended
                }
            });
            drain.setDaemon(true);
            drain.start();
            return new Child(p, line);
        }

        /** Closes its stdin, which lets it go, and waits for it to end. */
        @Override
        public void close() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child did not end");
            }
        }
    }

    @Test
    void history_embeddedStoreOpenInAnotherProcess_busyExitNamingIt() throws Exception {
        Path dir = tmp.resolve("store");
        MongoStores.open(StoreConfig.embeddedFile(dir)).close();
        try (Child other = Child.start(HoldStoreMain.class, "holding", dir.toString())) {
            CliHarness r = CliHarness.run("history", "--data-dir", dir.toString());

            assertEquals(ExitCodes.BUSY, r.exitCode(), r.out() + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: embedded store " + dir.resolve("rebalancer.mv")
                    + " is in use by process " + other.process().pid()), r.err());
            assertEquals("", r.out());
        }
        // once the other let go, the store opens again
        assertEquals(ExitCodes.OK, CliHarness.run("history", "--data-dir", dir.toString()).exitCode());
    }

    @Test
    void run_portfolioLeasedByAnotherProcessOnAWireServer_busyExitAndNothingWritten() throws Exception {
        try (Child server = Child.start(WireServerMain.class, "port ")) {
            String uri = "mongodb://127.0.0.1:" + server.firstLine().substring("port ".length()).trim() + "/two_processes";
            secondProcessIsRefused(uri);
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "MONGODB_URI", matches = ".+")
    void run_portfolioLeasedByAnotherProcessOnRealMongo_busyExitAndNothingWritten() throws Exception {
        String db = "rebalancer_test_" + UUID.randomUUID().toString().substring(0, 8);
        String uri = MongoUris.withDatabase(System.getenv("MONGODB_URI"), db);
        try {
            secondProcessIsRefused(uri);
        } finally {
            try (MongoClient client = MongoClients.create(uri)) {
                client.getDatabase(db).drop();
            }
        }
    }

    private void secondProcessIsRefused(String uri) throws Exception {
        try (Child holder = Child.start(HoldLeaseMain.class, "holding", uri, PORTFOLIO)) {
            CliHarness r = CliHarness.run("run", "--mongo-uri", uri, "--as-of", "2024-11-21", "--execute",
                    "--backtest-data", "backtest-data");

            assertEquals(ExitCodes.BUSY, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().contains("error: portfolio " + PORTFOLIO + " is in use by another process (")
                    && r.err().contains(":" + holder.process().pid() + ":"), r.err());
            assertTrue(!r.out().contains("PHASE"), "printed a decision: " + r.out());
            try (MongoStores stores = MongoStores.open(StoreConfig.uri(uri))) {
                assertEquals(List.of(), stores.decisions().recent(PORTFOLIO, null, 5), "a decision was stored");
                assertEquals(List.of(), stores.ledger().executions(PORTFOLIO), "an execution was stored");
            }
        }
        // the holder's exit gave the lease back
        try (MongoStores stores = MongoStores.open(StoreConfig.uri(uri))) {
            Instant now = Instant.now();
            assertTrue(stores.locks().tryAcquire("portfolio:" + PORTFOLIO, "test:1:abc", now, now.plusSeconds(60))
                    .isEmpty(), "the lease is still held after its holder ended");
        }
    }
}
