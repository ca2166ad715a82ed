package io.rebalancer.cli;

import io.rebalancer.domain.Execution;
import io.rebalancer.store.RunStore;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.mongo.MongoStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run}, {@code execute} and {@code backtest} killed with SIGKILL (no shutdown hook, no clean close) at
 * several points of their lives, in child JVMs: the store must open again, history (decisions), the ledger
 * (executions) and the runs must stay consistent, nothing may execute twice, and what a killed process had
 * already reported (a decision printed, an execution printed, a backtest's final table) must be in the store.
 * The children share one rule cache, and each test starts from a copy of one store seeded once, so each child
 * costs a JVM start and the command itself.
 */
class KillDuringWritesTest {
    private static final String PORTFOLIO = "PORT_A_TechGrowth";
    @TempDir
    static Path shared;
    private static Path seeded;
    private static String decisionId;
    private static Map<String, String> env;

    @TempDir
    Path tmp;

    /** One store with the day's decision of 2024-11-21 (a rebalance, not executed), closed cleanly. */
    @BeforeAll
    static void seedOnce() throws Exception {
        env = Map.of("REBALANCER_RULE_CACHE", shared.resolve("rule-cache").toString(),
                "REBALANCER_HOME", shared.resolve("home").toString());
        seeded = shared.resolve("seeded");
        ChildCli run = ChildCli.start(env, "run", "--data-dir", seeded.toString(), "--as-of", "2024-11-21", "--json");
        assertEquals(0, run.exit(300), run.output());
        Matcher id = Pattern.compile("\"cycle_?[iI]d\"\\s*:\\s*\"([0-9a-f]+)\"").matcher(run.output());
        assertTrue(id.find(), run.output());
        decisionId = id.group(1);
    }

    private Path copyOfSeeded(String name) throws IOException {
        Path to = tmp.resolve(name);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(seeded)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    private static MongoStores open(Path dir) {
        return MongoStores.open(StoreConfig.embeddedFile(dir));
    }

    @Test
    void runExecute_killedAtSeveralPoints_storeConsistentAndNothingExecutedTwice() throws Exception {
        Path dir = tmp.resolve("store");
        // milliseconds after start: during start-up and seeding, the rule load, the cycle's writes, the execution
        for (long at : List.of(1500L, 4000L, 7000L, 10000L)) {
            ChildCli.start(env, "run", "--data-dir", dir.toString(), "--as-of", "2024-11-21", "--execute").killAfter(at);
        }
        ChildCli last = ChildCli.start(env, "run", "--data-dir", dir.toString(), "--as-of", "2024-11-21", "--execute");
        assertEquals(0, last.exit(300), last.output());

        try (MongoStores stores = open(dir)) {
            List<String> decisions = stores.decisions().recent(PORTFOLIO, null, 10);
            assertEquals(1, decisions.size(), "decisions of the day: " + decisions.size());
            assertEquals(1, stores.ledger().executions(PORTFOLIO).size(), "executions");
        }
    }

    @Test
    void run_killedJustAfterPrintingTheDecision_theDecisionIsStored() throws Exception {
        Path dir = copyOfSeeded("run-ack");
        ChildCli run = ChildCli.start(env, "run", "--data-dir", dir.toString(), "--as-of", "2024-11-22")
                .killWhen(line -> line.startsWith("[PHASE 1"));
        assertTrue(run.killAfter(120_000), "the run ended before printing its decision: " + run.output());

        try (MongoStores stores = open(dir)) {
            assertEquals(1, stores.decisions().liveBetween(PORTFOLIO, java.time.LocalDate.of(2024, 11, 22),
                    java.time.LocalDate.of(2024, 11, 22)).size(), "the printed decision of 2024-11-22 was lost");
        }
    }

    @Test
    void execute_killedAtSeveralPointsAndJustAfterReporting_oneExecutionAndNoneLost() throws Exception {
        Path dir = copyOfSeeded("execute");
        // kill points: JVM start-up, store open, the execution's writes (an execute takes about 2-3 s here)
        for (long at : List.of(600L, 1200L, 1800L, 2400L)) {
            ChildCli c = ChildCli.start(env, "execute", decisionId, "--data-dir", dir.toString())
                    .killWhen(line -> line.startsWith("PAPER EXECUTION"));
            c.killAfter(at);
            try (MongoStores stores = open(dir)) {
                List<Execution> done = stores.ledger().ofDecision(decisionId);
                assertTrue(done.size() <= 1, "executed twice after a kill at " + at + " ms: " + done.size());
                if (c.killedOnLine()) {
                    assertEquals(1, done.size(), "the reported execution was lost (kill at " + at + " ms)");
                }
                assertEquals(1, stores.decisions().recent(PORTFOLIO, null, 10).size(), "decisions");
            }
        }
        ChildCli last = ChildCli.start(env, "execute", decisionId, "--data-dir", dir.toString());
        assertEquals(0, last.exit(120), last.output());
        try (MongoStores stores = open(dir)) {
            assertEquals(1, stores.ledger().ofDecision(decisionId).size(), "executions of the decision");
            assertEquals(1, stores.ledger().executions(PORTFOLIO).size(), "executions of the portfolio");
        }
    }

    @Test
    void execute_killedJustAfterReporting_theExecutionIsStored() throws Exception {
        Path dir = copyOfSeeded("execute-ack");
        ChildCli c = ChildCli.start(env, "execute", decisionId, "--data-dir", dir.toString())
                .killWhen(line -> line.startsWith("PAPER EXECUTION"));
        assertTrue(c.killAfter(120_000), "execute ended before it reported: " + c.output());

        try (MongoStores stores = open(dir)) {
            assertEquals(1, stores.ledger().ofDecision(decisionId).size(), "the reported execution was lost");
        }
        // and executing again does nothing
        ChildCli again = ChildCli.start(env, "execute", decisionId, "--data-dir", dir.toString());
        assertEquals(0, again.exit(120), again.output());
        try (MongoStores stores = open(dir)) {
            assertEquals(1, stores.ledger().ofDecision(decisionId).size(), "executed twice");
        }
    }

    @Test
    void backtest_killedAtSeveralPoints_runsConsistentAndLiveRecordsUntouched() throws Exception {
        Path dir = copyOfSeeded("backtest");
        String[] args = {"backtest", "--data-dir", dir.toString(), "--from", "2024-01-02", "--to", "2024-03-28",
                "--no-report", "--export-dir", tmp.resolve("reports").toString()};
        for (long at : List.of(2500L, 5000L)) {
            ChildCli.start(env, args).killAfter(at);
        }
        // killed the moment it prints the final table, which comes after the run is marked finished
        ChildCli acked = ChildCli.start(env, args).killWhen(line -> line.startsWith("Strategy"));
        assertTrue(acked.killAfter(120_000), "the backtest ended before its table: " + acked.output());
        ChildCli last = ChildCli.start(env, args);
        assertEquals(0, last.exit(180), last.output());

        try (MongoStores stores = open(dir)) {
            List<String> runs = stores.runs().all();
            // the timed kills may land before, during or (on a fast machine) after their run: any state is fine as
            // long as it is consistent; the run that printed its table and the last one must be finished
            for (ChildCli reported : List.of(acked, last)) {
                String id = runId(reported.output());
                String run = runs.stream().filter(r -> field(r, "run_id").equals(id)).findFirst()
                        .orElseThrow(() -> new AssertionError("run " + id + " is not stored: " + runs));
                assertEquals(RunStore.FINISHED, field(run, "status"), "the reported run " + id);
            }
            for (String run : runs) {
                String runId = field(run, "run_id");
                String status = field(run, "status");
                assertTrue(status.equals(RunStore.FINISHED) || status.equals(RunStore.RUNNING), run);
                if (status.equals(RunStore.FINISHED)) {
                    // 2024-01-02 .. 2024-03-28 has 61 NYSE sessions (21 + 20 + 20, counted on the calendar, New
                    // Year, MLK day and Presidents' day closed; Good Friday is the 29th)
                    // (stored as one document a month, each day's snapshot with its rf_daily)
                    long days = stores.snapshots().byRun(runId).stream()
                            .mapToLong(doc -> Pattern.compile("\"rf_daily\"").matcher(doc).results().count()).sum();
                    assertEquals(61, days, "day snapshots of finished run " + runId);
                }
            }
            // the live records are as the seed left them
            assertEquals(1, stores.decisions().recent(PORTFOLIO, null, 10).size(), "live decisions");
            assertEquals(0, stores.ledger().executions(PORTFOLIO).size(), "executions");
        }
        ChildCli prune = ChildCli.start(env, "backtest", "prune", "--keep", "1", "--data-dir", dir.toString());
        assertEquals(0, prune.exit(120), prune.output());
    }

    private static String runId(String output) {
        Matcher m = Pattern.compile("^backtest (\\S+): ", Pattern.MULTILINE).matcher(output);
        assertTrue(m.find(), "no run id in: " + output);
        return m.group(1);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }
}
