package io.rebalancer.cli;

import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.mongo.MongoStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run --execute} killed with SIGKILL (no shutdown hook, no clean close) at several points of its life: the
 * store must open again, and a final run must leave exactly one decision for the day and one execution of it.
 */
class KillDuringWritesTest {
    @TempDir
    Path tmp;

    private Process start(Path dir) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--data-dir", dir.toString(),
                "--as-of", "2024-12-12", "--execute").redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.txt").toFile()).start();
    }

    @Test
    void runExecute_killedAtSeveralPoints_storeConsistentAndNothingExecutedTwice() throws Exception {
        Path dir = tmp.resolve("store");
        // milliseconds after start: during start-up and seeding, the rule compile, the cycle's writes, the execution
        for (long at : List.of(1500L, 5000L, 9000L, 14000L, 20000L)) {
            Process p = start(dir);
            if (!p.waitFor(at, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly(); // SIGKILL
                p.waitFor();
            }
        }
        Process last = start(dir);
        assertTrue(last.waitFor(300, TimeUnit.SECONDS));
        int code = last.exitValue();
        assertTrue(code == 0, "final run exited " + code + ": " + java.nio.file.Files.readString(tmp.resolve("out.txt")));

        try (MongoStores stores = MongoStores.open(StoreConfig.embeddedFile(dir))) {
            List<String> decisions = stores.decisions().recent("PORT_A_TechGrowth", null, 10);
            assertEquals(1, decisions.size(), "decisions of the day: " + decisions.size());
            assertEquals(1, stores.ledger().executions("PORT_A_TechGrowth").size(), "executions");
        }
    }
}
