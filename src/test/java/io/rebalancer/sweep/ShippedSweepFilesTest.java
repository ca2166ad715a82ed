package io.rebalancer.sweep;

import io.rebalancer.evaluation.SuiteFile;
import io.rebalancer.evaluation.SuiteSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every suite and sweep file the project ships (suites/, sweeps/) reads without an error, and suites/all.json is the four suites. */
class ShippedSweepFilesTest {
    private static List<Path> json(String dir) throws Exception {
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void read_everyShippedSuiteAndSweep_noError() throws Exception {
        List<Path> suites = json("suites");
        List<Path> sweeps = json("sweeps");
        assertFalse(suites.isEmpty() || sweeps.isEmpty());
        suites.forEach(SuiteFile::read);
        for (Path p : sweeps) {
            // sweeps/ also holds the suites its sweeps run (quick-2019.json): a sweep is a file with a grid
            if (Files.readString(p).contains("\"grid\"")) {
                assertFalse(SweepFile.read(p).tasks().isEmpty(), p.toString());
            } else {
                SuiteFile.read(p);
            }
        }
    }

    @Test
    void allSuite_theFourSuitesSamplesInOrder() {
        List<String> expected = new ArrayList<>();
        for (String name : List.of("default", "holdout", "holdout2", "holdout3")) {
            SuiteFile.read(Path.of("suites", name + ".json")).samples().forEach(s -> expected.add(s.id()));
        }
        SuiteSpec all = SuiteFile.read(Path.of("suites/all.json"));
        assertEquals(41, expected.size());
        assertEquals(expected, all.samples().stream().map(s -> s.id()).toList());
        // the same samples, not only the same names: dates, data directory, warm-up and options
        List<Object> parts = new ArrayList<>();
        for (String name : List.of("default", "holdout", "holdout2", "holdout3")) {
            parts.addAll(SuiteFile.read(Path.of("suites", name + ".json")).samples());
        }
        assertEquals(parts, List.copyOf(all.samples()));
    }
}
