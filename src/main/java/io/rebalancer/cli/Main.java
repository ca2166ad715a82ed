package io.rebalancer.cli;

import io.rebalancer.market.DataFileException;
import io.rebalancer.market.PriceSourceException;
import io.rebalancer.rules.RuleSetException;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.service.PortfolioBusyException;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.StoreException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** Entry point: runs a command and exits with its code; user errors are one line on stderr. */
public final class Main {
    private Main() {
    }

    /**
     * Exits with the command's code. Inside Maven ({@code mvn compile exec:java -Dbacktest}: the Maven JVM, which
     * sets {@code maven.home}) a success returns normally so Maven can finish the build; a failure still exits
     * with its code.
     */
    public static void main(String[] args) {
        int code = execute(args);
        if (code != ExitCodes.OK || System.getProperty("maven.home") == null) {
            System.exit(code);
        }
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        String[] rest = Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
        CommandLine cli = commandLine(debug, rest.length > 0 ? rest[0] : null);
        return cli.execute(rest);
    }

    /** The whole command tree. */
    static CommandLine commandLine(boolean debug) {
        return commandLine(debug, null);
    }

    /**
     * The command tree for a command line whose first word is {@code first}: when that names a subcommand, only
     * that one is registered, because picocli reflects over every option of every registered command up front (a
     * quarter to half a second for the whole tree, a fifth of a short command's time); otherwise (help, a typo
     * that wants the list of commands, no command) all of them. Parsing and messages are the same either way.
     */
    static CommandLine commandLine(boolean debug, String first) {
        CommandLine cli = new CommandLine(new RebalancerCommand());
        java.util.List<Class<?>> named = RebalancerCommand.SUBCOMMANDS.stream()
                .filter(c -> c.getAnnotation(CommandLine.Command.class).name().equals(first)).toList();
        for (Class<?> c : named.isEmpty() ? RebalancerCommand.SUBCOMMANDS : named) {
            cli.addSubcommand(c);
        }
        // the settings below reach the subcommands registered before them
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(java.time.LocalDate.class, Main::parseDate);
        cli.setParameterExceptionHandler((ex, args) -> {
            // one line and where to read more: the whole usage text buries the error, and echoes what was typed
            CommandLine at = ex.getCommandLine();
            PrintWriter err = at.getErr();
            err.println(StoreConfig.maskUris(ex.getMessage()));
            err.println("Run '" + at.getCommandSpec().qualifiedName() + " --help' for its usage.");
            err.flush();
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("error: " + StoreConfig.maskUris(message(ex)));
            if (debug) {
                java.io.StringWriter trace = new java.io.StringWriter();
                ex.printStackTrace(new PrintWriter(trace));
                err.print(StoreConfig.maskUris(trace.toString()));
            }
            err.flush();
            return exitCode(ex);
        });
        return cli;
    }

    private static java.time.LocalDate parseDate(String text) {
        try {
            return java.time.LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date of the form yyyy-MM-dd");
        }
    }

    /** The exit code an exception ends a command with (tests of lower packages use it). */
    public static int exitCodeOf(Throwable ex) {
        return exitCode(ex);
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof RuleSetException) {
            return ExitCodes.RULES;
        }
        if (ex instanceof io.rebalancer.store.StoreBusyException) {
            return ExitCodes.BUSY;
        }
        if (ex instanceof StoreException) {
            return ExitCodes.STORE;
        }
        if (ex instanceof NotFoundException) {
            return ExitCodes.NOT_FOUND;
        }
        if (ex instanceof io.rebalancer.service.DoNotTradeException) {
            return ExitCodes.DO_NOT_TRADE;
        }
        if (ex instanceof PortfolioBusyException) {
            return ExitCodes.BUSY;
        }
        if (ex instanceof PriceSourceException) {
            return ExitCodes.SOURCE;
        }
        if (ex instanceof DataFileException || ex instanceof IllegalArgumentException
                || ex instanceof DateTimeParseException || ex instanceof UncheckedIOException) {
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.INTERNAL;
    }

    static String message(Throwable ex) {
        if (ex instanceof RuleSetException r) {
            String what = ex instanceof io.rebalancer.rules.RuleFiringException ? "the rules could not finish a phase"
                    : "the rules do not compile";
            StringBuilder sb = new StringBuilder(what + " (" + r.problems().size() + " problem"
                    + (r.problems().size() == 1 ? "" : "s") + ")");
            r.problems().forEach(p -> sb.append(System.lineSeparator()).append("  ").append(p));
            return sb.toString();
        }
        if (exitCode(ex) == ExitCodes.INTERNAL) {
            return "internal error: " + ex + " (rerun with --debug for details)";
        }
        return ex.getMessage();
    }
}
