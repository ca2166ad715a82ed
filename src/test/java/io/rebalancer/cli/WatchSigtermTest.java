package io.rebalancer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** {@code watch} as a service runs it: a separate JVM stopped with SIGTERM leaves a health file saying so. */
class WatchSigtermTest {
    @Test
    void sigterm_afterTheFirstCycle_stopsPromptlyAndMarksTheHealthFileStopped(@TempDir Path dir) throws Exception {
        Path health = dir.resolve("health.json");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "io.rebalancer.cli.Main", "watch", "--all", "--in-memory",
                "--every", "PT1H", "--health-file", health.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        ObjectMapper json = new ObjectMapper();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        JsonNode h = null;
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(health)) {
                h = json.readTree(Files.readString(health));
                if (h.path("checks").asInt() >= 1) {
                    break;
                }
            }
            Thread.sleep(200);
        }
        assertNotNull(h, "no health file; output: " + Files.readString(dir.resolve("out.txt")));
        assertEquals("running", h.path("status").asText());
        assertFalse(h.path("next_check").isNull());

        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stops without waiting for the hour");
        JsonNode after = json.readTree(Files.readString(health));
        assertEquals("stopped", after.path("status").asText(), Files.readString(dir.resolve("out.txt")));
        assertEquals("2025-12-31", after.path("last_cycles").path("PORT_A_TechGrowth").path("as_of").asText());
    }
}
