package io.rebalancer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class HelpAndLoggingTest {
    @TempDir
    Path tmp;

    @Test
    void help_run_storeOptionsInTheirOwnSectionAfterTheCommandsAndExamples() {
        String help = CliHarness.run("run", "--help").out();
        int own = help.indexOf("--as-of");
        int section = help.indexOf("Store and rules (shared by the commands that open them):");
        int examples = help.indexOf("Examples:");
        assertTrue(own >= 0 && section > own && examples > section, help);
        for (String option : List.of("--mongo-uri", "--data-dir", "--in-memory", "--backtest-data", "--rules")) {
            assertTrue(help.indexOf("  " + option) > section, option + " belongs to the store section:\n" + help);
        }
        assertTrue(help.contains("rebalancer run --as-of 2024-12-12 --export decision.json"), help);
    }

    @Test
    void commandLine_firstWordNamesACommand_registersOnlyThatCommand() {
        assertEquals(List.of("backtest"), List.copyOf(Main.commandLine(false, "backtest").getSubcommands().keySet()));
        assertEquals(RebalancerCommand.SUBCOMMANDS.size(), Main.commandLine(false, "--help").getSubcommands().size());
        assertEquals(RebalancerCommand.SUBCOMMANDS.size(), Main.commandLine(false, "bactest").getSubcommands().size());
        assertEquals(RebalancerCommand.SUBCOMMANDS.size(), Main.commandLine(false, null).getSubcommands().size());
    }

    @Test
    void commandLine_lazyTree_parsesAndFailsAsTheWholeTreeDoes() {
        for (String[] args : List.of(new String[]{"backtest", "--bogus"}, new String[]{"run", "--as-of", "2024-13-01"},
                new String[]{"rules", "validate", "--help"}, new String[]{"history", "--limit", "x"})) {
            java.io.StringWriter lazyOut = new java.io.StringWriter();
            java.io.StringWriter lazyErr = new java.io.StringWriter();
            java.io.StringWriter wholeOut = new java.io.StringWriter();
            java.io.StringWriter wholeErr = new java.io.StringWriter();
            picocli.CommandLine lazy = Main.commandLine(false, args[0]);
            lazy.setOut(new java.io.PrintWriter(lazyOut, true)).setErr(new java.io.PrintWriter(lazyErr, true));
            picocli.CommandLine whole = Main.commandLine(false);
            whole.setOut(new java.io.PrintWriter(wholeOut, true)).setErr(new java.io.PrintWriter(wholeErr, true));
            assertEquals(whole.execute(args), lazy.execute(args), String.join(" ", args));
            assertEquals(wholeOut.toString(), lazyOut.toString(), String.join(" ", args));
            assertEquals(wholeErr.toString(), lazyErr.toString(), String.join(" ", args));
            assertFalse(lazyErr.toString().isEmpty() && lazyOut.toString().isEmpty(), "something was printed");
        }
    }

    @Test
    void storeOptions_notGiven_defaultsApply() {
        StoreOptions o = new StoreOptions();
        assertEquals(Path.of("rules"), o.rules());
        assertEquals(Path.of("backtest-data"), o.backtestData());
        assertFalse(o.inMemory());
    }

    @Test
    void configuredElsewhere_logbackConfigurationFileProperty_stepsAside() {
        String before = System.getProperty(ConsoleLogging.CONFIG_PROPERTY);
        try {
            System.clearProperty(ConsoleLogging.CONFIG_PROPERTY);
            assertFalse(ConsoleLogging.configuredElsewhere(), "no logback.xml ships on the class path");
            System.setProperty(ConsoleLogging.CONFIG_PROPERTY, "my-logback.xml");
            assertTrue(ConsoleLogging.configuredElsewhere());
        } finally {
            if (before == null) {
                System.clearProperty(ConsoleLogging.CONFIG_PROPERTY);
            } else {
                System.setProperty(ConsoleLogging.CONFIG_PROPERTY, before);
            }
        }
    }

    @Test
    void watch_logFile_everyCheckLineAppendedWithDateAndTime() throws IOException {
        Path log = tmp.resolve("logs").resolve("watch.log");
        CliHarness r = CliHarness.run("watch", "--in-memory", "--checks", "2", "--every", "PT0.01S",
                "--log-file", log.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        List<String> printed = r.out().lines().map(l -> l.substring("2026-01-01 00:00:00  ".length())).toList();
        List<String> logged = Files.readAllLines(log).stream().filter(l -> l.contains(" io.rebalancer.log - "))
                .map(l -> l.substring(l.indexOf(" - ") + 3)).toList();
        assertEquals(printed, logged);
        assertTrue(Files.readAllLines(log).get(0).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO .*"));
    }
}
