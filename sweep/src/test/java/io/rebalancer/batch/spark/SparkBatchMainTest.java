package io.rebalancer.batch.spark;

import io.rebalancer.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code rebalancer-sweep batch}'s command line without Spark: help and usage errors (exit 2, one error line and a
 * pointer to --help), none of which starts a Spark session (the session starter fails the test).
 */
class SparkBatchMainTest {
    private record Run(int exitCode, String out, List<String> err, boolean sparkStarted) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicBoolean started = new AtomicBoolean();
        CommandLine cl = SparkBatchMain.commandLine(new SparkBatchMain(master -> {
            started.set(true);
            throw new AssertionError("a Spark session was started for " + List.of(args));
        }));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString().lines().toList(), started.get());
    }

    private static void assertUsageError(Run r, String line) {
        assertEquals(ExitCodes.USAGE, r.exitCode(), String.join("\n", r.err()));
        assertEquals(List.of(line, "Run 'rebalancer-sweep batch --help' for its usage."), r.err());
        assertEquals("", r.out());
        assertFalse(r.sparkStarted());
    }

    @Test
    void help_longAndShortFlag_exitZeroListingEveryOptionWithItsDescription() {
        for (String flag : List.of("--help", "-h")) {
            Run r = run(flag);
            assertEquals(ExitCodes.OK, r.exitCode());
            assertEquals(List.of(), r.err());
            assertTrue(r.out().startsWith("Usage: rebalancer-sweep batch [-hV]"), r.out());
            for (String option : List.of("--mongo-uri=URI       The shared MongoDB",
                    "--data-dir=DIR        An embedded store", "--as-of=yyyy-MM-dd    The batch day",
                    "--model=M             Only the accounts on model M", "--shards=N            Number of shards",
                    "--workers=K           Cycle workers per task (default: 1)",
                    "--rules=DIR           Rule directory (default: rules)",
                    "--backtest-data=DIR   Seeds an empty store (default: backtest-data)",
                    "--master=URL          Spark master", "--json                Print every outcome as JSON",
                    "-h, --help", "-V, --version")) {
                assertTrue(r.out().contains(option), option + " missing from:\n" + r.out());
            }
            assertFalse(r.sparkStarted());
        }
    }

    @Test
    void unknownOption_exitTwoNamingTheOption() {
        assertUsageError(run("--data-dir", "target/x", "--bogus"), "error: Unknown option: '--bogus'");
    }

    @Test
    void shards_zero_exitTwoPositiveIntegerMessage() {
        assertUsageError(run("--data-dir", "target/x", "--shards", "0"),
                "error: Invalid value for option '--shards': '0' is not a positive integer");
    }

    @Test
    void workers_notANumber_exitTwoPositiveIntegerMessage() {
        assertUsageError(run("--data-dir", "target/x", "--workers", "many"),
                "error: Invalid value for option '--workers': 'many' is not a positive integer");
    }

    @Test
    void asOf_notADate_exitTwoWithTheDateForm() {
        assertUsageError(run("--data-dir", "target/x", "--as-of", "2024-13-45"),
                "error: Invalid value for option '--as-of': '2024-13-45' is not a date of the form yyyy-MM-dd");
    }

    @Test
    void store_notGiven_exitTwoNamingBothWays() {
        assumeTrue(System.getenv("MONGODB_URI") == null, "MONGODB_URI is set: it gives the store");
        assertUsageError(run("--shards", "2"),
                "error: give the store: --mongo-uri URI (or MONGODB_URI), or on local[*] --data-dir DIR");
    }

    @Test
    void dataDir_onAClusterMaster_exitTwoPasswordMasked() {
        // an address other than MongoDB's keeps only scheme, host and port (StoreConfig.maskUri)
        assertUsageError(run("--data-dir", "target/x", "--master", "spark://u:secret@host:7077"),
                "error: --data-dir (an embedded store) works on local[*] only; executors on"
                        + " spark://***@host:7077 need a shared MongoDB: --mongo-uri URI");
    }

    @Test
    void mongoUri_strayPositional_exitTwoPasswordMasked() {
        assertUsageError(run("mongodb://alice:s3cret@host:27017/db"),
                "error: Unmatched argument at index 0: 'mongodb://alice:***@host:27017/db'");
    }
}
