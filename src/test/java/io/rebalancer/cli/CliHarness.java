package io.rebalancer.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what it prints. */
record CliHarness(int exitCode, String out, String err) {
    static CliHarness run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        // the tree Main.execute builds: only the named command registered, so every CLI test runs the lazy tree
        String first = java.util.Arrays.stream(args).filter(a -> !a.equals("--debug")).findFirst().orElse(null);
        CommandLine cli = Main.commandLine(debug, first);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliHarness(code, out.toString(), err.toString());
    }
}
