package io.rebalancer.sweep.spark;

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

/**
 * The sweep's command line without Spark: help, usage errors (exit 2) and a sweep file that cannot be read (exit 3),
 * each one error line on stderr, and none of them starts a Spark session (the session starter fails the test).
 */
class SweepMainTest {
    private record Run(int exitCode, String out, List<String> err, boolean sparkStarted) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicBoolean started = new AtomicBoolean();
        CommandLine cl = SweepMain.commandLine(new SweepMain(master -> {
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
        assertEquals(List.of(line, "Run 'rebalancer-sweep --help' for its usage."), r.err());
        assertEquals("", r.out());
        assertFalse(r.sparkStarted());
    }

    @Test
    void help_longAndShortFlag_exitZeroListingEveryOptionWithItsDescription() {
        for (String flag : List.of("--help", "-h")) {
            Run r = run(flag);
            assertEquals(ExitCodes.OK, r.exitCode());
            assertEquals(List.of(), r.err());
            assertTrue(r.out().startsWith("Usage: rebalancer-sweep [-hV] [--master=URL] [--out=DIR]"), r.out());
            for (String option : List.of("SWEEP.json            The sweep file", "--master=URL          Spark master",
                    "--out=DIR             Output directory", "--model=shared|compiled", "shared: one compiled rule",
                    "--rules=DIR           Rule directory (default: rules)",
                    "--backtest-data=DIR   Backtest data directory (default: backtest-data)",
                    "--top=N               Variants in the console table (default: 10", "-h, --help",
                    "-V, --version")) {
                assertTrue(r.out().contains(option), option + " missing from:\n" + r.out());
            }
            assertFalse(r.sparkStarted());
        }
    }

    @Test
    void unknownOption_anyFile_exitTwoNamingTheOption() {
        assertUsageError(run("--bogus", "sweeps/small.json"), "error: Unknown option: '--bogus'");
    }

    @Test
    void sweepFile_notGiven_exitTwoNamingTheParameter() {
        assertUsageError(run(), "error: Missing required parameter: 'SWEEP.json'");
    }

    @Test
    void sweepFile_twoGiven_exitTwoNamingTheSecond() {
        assertUsageError(run("a.json", "b.json"), "error: Unmatched argument at index 1: 'b.json'");
    }

    @Test
    void model_notAChoice_exitTwoNamingTheValueAndTheChoices() {
        assertUsageError(run("--model", "fast", "sweeps/small.json"),
                "error: Invalid value for option '--model': expected one of [shared, compiled] (case-sensitive)"
                        + " but was 'fast'");
    }

    @Test
    void model_withoutValue_exitTwo() {
        assertUsageError(run("sweeps/small.json", "--model"),
                "error: Missing required parameter for option '--model' (shared|compiled)");
    }

    @Test
    void top_zero_exitTwoPositiveIntegerMessage() {
        assertUsageError(run("--top", "0", "sweeps/small.json"),
                "error: Invalid value for option '--top': '0' is not a positive integer");
    }

    @Test
    void top_negative_exitTwoPositiveIntegerMessage() {
        assertUsageError(run("--top=-3", "sweeps/small.json"),
                "error: Invalid value for option '--top': '-3' is not a positive integer");
    }

    @Test
    void top_notANumber_exitTwoPositiveIntegerMessage() {
        assertUsageError(run("--top", "ten", "sweeps/small.json"),
                "error: Invalid value for option '--top': 'ten' is not a positive integer");
    }

    @Test
    void sweepFile_missing_exitThreeNamingTheFile() {
        Run r = run("target/no-such-sweep.json", "--model", "compiled", "--top", "3");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals(List.of("error: sweep file target/no-such-sweep.json: no such file"), r.err());
        assertFalse(r.sparkStarted());
    }

    @Test
    void sweepFile_aDirectory_exitThreeNamingIt() {
        Run r = run("src/test/resources");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals(List.of("error: sweep file src/test/resources: is a directory"), r.err());
        assertFalse(r.sparkStarted());
    }
}
