package io.rebalancer.spark;

import io.rebalancer.cli.ExitCodes;
import io.rebalancer.store.StoreConfig;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The picocli set-up both mains of this module share, as the core's command line ({@code io.rebalancer.cli.Main})
 * does it: a usage error is one {@code error:} line (URIs masked) and a pointer to {@code --help}, exit code
 * {@link ExitCodes#USAGE}; dates are yyyy-MM-dd with the core's message.
 */
public final class SparkCommandLine {
    private SparkCommandLine() {
    }

    /** A command line for {@code command} with this module's conventions. */
    public static CommandLine of(Object command) {
        CommandLine cl = new CommandLine(command);
        cl.registerConverter(LocalDate.class, SparkCommandLine::date);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine at = ex.getCommandLine();
            PrintWriter err = at.getErr();
            err.println("error: " + StoreConfig.maskUris(String.valueOf(ex.getMessage())));
            err.println("Run '" + at.getCommandSpec().qualifiedName() + " --help' for its usage.");
            err.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }

    /** An option that takes a positive integer ({@code 1, 2, ...}); anything else is a usage error. */
    public static final class PositiveInt implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            int n;
            try {
                n = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a positive integer");
            }
            return n;
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date of the form yyyy-MM-dd");
        }
    }
}
