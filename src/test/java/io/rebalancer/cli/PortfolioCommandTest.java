package io.rebalancer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class PortfolioCommandTest {
    @TempDir
    Path tmp;

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void openAfterAnEdit_noteOnStderr_thenUpdateTakesItUpAndTheNoteGoes() throws IOException {
        Path data = tmp.resolve("backtest-data");
        copy(Path.of("backtest-data"), data);
        String store = tmp.resolve("store").toString();
        String[] where = {"--data-dir", store, "--backtest-data", data.toString()};
        CliHarness seed = CliHarness.run(concat(new String[] {"history"}, where));
        assertEquals(ExitCodes.OK, seed.exitCode(), seed.err());
        assertEquals("", seed.err());

        Path file = data.resolve("portfolios").resolve("PORT_A_TechGrowth.json");
        Files.writeString(file, Files.readString(file).replace("\"cooldown_days\": 3,", "\"cooldown_days\": 5,"));
        CliHarness noted = CliHarness.run(concat(new String[] {"history"}, where));
        assertEquals(ExitCodes.OK, noted.exitCode());
        assertEquals("note: " + file + " differs from the stored portfolio PORT_A_TechGrowth: thresholds.cooldown_days"
                + " (stored 3, file 5); the stored one is used until 'portfolio update " + file + "' takes the file up",
                noted.err().strip());

        CliHarness update = CliHarness.run(concat(new String[] {"portfolio", "update", file.toString()}, where));
        assertEquals(ExitCodes.OK, update.exitCode(), update.err());
        assertEquals("", update.err());
        assertEquals("Updated portfolio PORT_A_TechGrowth from " + file + " (1 field):\n"
                + "  thresholds.cooldown_days: 3 -> 5", update.out().strip());
        assertEquals("", CliHarness.run(concat(new String[] {"history"}, where)).err());
    }

    @Test
    void update_badFile_badInputNamingFileAndField() throws IOException {
        Path file = tmp.resolve("PORT_A_TechGrowth.json");
        Files.writeString(file, Files.readString(Path.of("backtest-data/portfolios/PORT_A_TechGrowth.json"))
                .replace("\"cooldown_days\": 3,", "\"cooldown_days\": 2.5,"));
        CliHarness r = CliHarness.run("portfolio", "update", file.toString(), "--in-memory");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("error: " + file + ": field 'thresholds.cooldown_days' value '2.5' is not a whole number of days"
                + " in 0..3650", r.err().strip());
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
