package io.rebalancer.mcp;

import io.rebalancer.market.DataFileException;
import io.rebalancer.market.PriceSourceException;
import io.rebalancer.rules.RuleSetException;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.service.PortfolioBusyException;
import io.rebalancer.store.StoreException;

import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;

/**
 * The message of a failed tool call: the line the command line prints after {@code error: } for the same failure
 * (cli.Main.message; a test holds the two together). Expected failures (bad input, not found, busy, store, source,
 * rules) carry their own message; anything else is an internal error.
 */
final class ToolErrors {
    private ToolErrors() {
    }

    static String message(Throwable ex) {
        if (ex instanceof RuleSetException r) {
            StringBuilder sb = new StringBuilder("the rules do not compile (" + r.problems().size() + " problem"
                    + (r.problems().size() == 1 ? "" : "s") + ")");
            r.problems().forEach(p -> sb.append(System.lineSeparator()).append("  ").append(p));
            return sb.toString();
        }
        if (!expected(ex)) {
            return "internal error: " + ex + " (rerun with --debug for details)";
        }
        return ex.getMessage();
    }

    static boolean expected(Throwable ex) {
        return ex instanceof StoreException || ex instanceof NotFoundException || ex instanceof PortfolioBusyException
                || ex instanceof PriceSourceException || ex instanceof DataFileException
                || ex instanceof IllegalArgumentException || ex instanceof DateTimeParseException
                || ex instanceof UncheckedIOException;
    }
}
