package io.rebalancer.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The shipped rules with the thresholds table (a CSV) shipped before issue 10 (bands of 3 pp or 20 % of target, BAND_EDGE
 * to half the band, no calendar review): tests whose stories need a portfolio that trades often (gradual tranches,
 * crisis trades, many fills) run on these, since the shipped 5 pp bands and annual review trade far less.
 */
public final class TightBandRules {
    private static final Path TABLE = Path.of("src/test/resources/rules-tight-bands/thresholds.drl.csv");

    private static Path built;

    private TightBandRules() {
    }

    /** A copy of rules/ under target/ with the tight-band thresholds table in place of the shipped one. */
    public static synchronized Path directory() {
        if (built != null) {
            return built;
        }
        // one copy per test JVM, so forked test processes never rewrite each other's
        Path dir = Path.of("target/rules-tight-bands-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    Files.delete(p);
                }
            }
            ShippedRules.copyTo(dir);
            // the CSV replaces the shipped thresholds.drl.xlsx: never both versions of one table in a set
            ShippedRules.replaceTable(dir, TABLE);
            built = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
